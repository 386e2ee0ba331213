import { useId } from 'react';
import { type ActionInfo, actionPreviewUrl } from '../api.ts';
import { actionsOf, type EmojiDraft } from '../lib/emoji-drafts.ts';
import { type CombinedSetRule, combinedRuleText, fitsRule } from '../lib/platform-rules.ts';
import { countById } from '../lib/selection.ts';

const QUICK_PICKS = [8, 16, 24] as const;

interface ActionPickerProps {
  actions: ActionInfo[];
  drafts: EmojiDraft[];
  /** The set sizes every chosen platform takes. */
  rule: CombinedSetRule;
  /** Who sets the rule, for the hint: "LINE emoji and Discord". */
  ruleOwners: string;
  onToggle: (action: string) => void;
  onPick: (count: number) => void;
  onClear: () => void;
  /** The built-in character to show doing each action; null shows the action's glyph. */
  preview: { character: string; color?: string } | null;
}

/** Checkboxes for the action catalog and quick picks sized for the chosen platforms. */
export function ActionPicker({
  actions,
  drafts,
  rule,
  ruleOwners,
  onToggle,
  onPick,
  onClear,
  preview,
}: ActionPickerProps) {
  const countId = useId();
  const counts = countById(actionsOf(drafts));
  const inRange = fitsRule(rule, drafts.length);

  return (
    <div className="actions">
      <div className="actions__toolbar">
        <p className="actions__count" id={countId} aria-live="polite">
          <strong className={inRange ? 'count count--ok' : 'count'}>{drafts.length} selected</strong>
          <span className="muted">
            {' '}
            · {ruleOwners ? `${ruleOwners}: ` : ''}
            {combinedRuleText(rule)} emojis
          </span>
        </p>
        <fieldset className="quick-picks">
          <legend className="visually-hidden">Quick pick</legend>
          {QUICK_PICKS.map((n) => {
            const fits = fitsRule(rule, n);
            return (
              <button
                key={n}
                type="button"
                className="button button--small button--ghost"
                onClick={() => onPick(n)}
                disabled={!fits}
                title={
                  !fits
                    ? `The chosen platforms don’t take sets of ${n}`
                    : n > actions.length
                      ? 'Repeats actions; each copy gets a variation'
                      : undefined
                }
              >
                Pick {n}
              </button>
            );
          })}
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={onClear}
            disabled={drafts.length === 0}
          >
            Clear
          </button>
        </fieldset>
      </div>

      <fieldset className="action-grid" aria-describedby={countId}>
        <legend className="visually-hidden">Actions</legend>
        {actions.map((action) => {
          const count = counts.get(action.id) ?? 0;
          return (
            <label key={action.id} className={`check-card action-card${count > 0 ? ' is-selected' : ''}`}>
              <input
                type="checkbox"
                className="check-card__box"
                checked={count > 0}
                onChange={() => onToggle(action.id)}
              />
              {preview ? (
                <img
                  className="action-card__preview"
                  src={actionPreviewUrl(action.id, preview.character, preview.color)}
                  width={40}
                  height={40}
                  alt=""
                  loading="lazy"
                  decoding="async"
                />
              ) : (
                <span className="action-card__glyph" aria-hidden="true">
                  {action.glyph}
                </span>
              )}
              <span className="action-card__label">{action.label}</span>
              {count > 1 && (
                <span className="action-card__times">
                  ×{count}
                  <span className="visually-hidden"> copies</span>
                </span>
              )}
            </label>
          );
        })}
      </fieldset>
    </div>
  );
}
