import { useId } from 'react';
import type { PlatformInfo } from '../api.ts';
import { describePlatform, shortName } from '../lib/platform-rules.ts';

interface PlatformPickerProps {
  platforms: PlatformInfo[];
  selected: string[];
  /** The server's largest set, shown instead of a platform's higher maximum. */
  cap: number;
  onChange: (selected: string[]) => void;
}

/** "Where it goes": a checkbox card per target with what it gets; unavailable targets are disabled with the reason. */
export function PlatformPicker({ platforms, selected, cap, onChange }: PlatformPickerProps) {
  const toggle = (id: string) =>
    onChange(
      // Keep the catalog's order, so tabs and messages list platforms the same way everywhere.
      platforms.map((p) => p.id).filter((p) => (p === id ? !selected.includes(id) : selected.includes(p))),
    );
  return (
    <fieldset className="platform-grid">
      <legend className="visually-hidden">Platforms</legend>
      {platforms.map((p) => (
        <PlatformCard
          key={p.id}
          platform={p}
          cap={cap}
          checked={selected.includes(p.id)}
          onToggle={() => toggle(p.id)}
        />
      ))}
    </fieldset>
  );
}

function PlatformCard({
  platform,
  cap,
  checked,
  onToggle,
}: {
  platform: PlatformInfo;
  cap: number;
  checked: boolean;
  onToggle: () => void;
}) {
  const detailsId = useId();
  const reasonId = useId();
  const { summary, rules } = describePlatform(platform, cap);
  const disabled = !platform.available;
  const classes = ['check-card', 'platform-card', checked && 'is-selected', disabled && 'is-disabled'].filter(
    Boolean,
  );
  return (
    <label className={classes.join(' ')}>
      <input
        type="checkbox"
        className="check-card__box"
        checked={checked && !disabled}
        disabled={disabled}
        onChange={onToggle}
        aria-describedby={disabled ? `${detailsId} ${reasonId}` : detailsId}
      />
      <span className="platform-card__body">
        <span className="platform-card__name">{platform.label}</span>
        <span id={detailsId} className="platform-card__details">
          <span className="platform-card__summary">{summary}</span>
          <span className="platform-card__rules">
            {rules.map((r) => (
              <span key={r}>{r}</span>
            ))}
          </span>
          {platform.assumed && platform.assumed.length > 0 && (
            <span className="platform-card__assumed">
              Some limits are PopCon’s best reading; check {shortName(platform)}’s current guidelines.
            </span>
          )}
        </span>
        {disabled && (
          <span id={reasonId} className="platform-card__reason">
            Not available here: {platform.unavailableReason ?? 'this server can’t make these files.'}
          </span>
        )}
      </span>
    </label>
  );
}
