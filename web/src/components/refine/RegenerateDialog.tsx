import { type FormEvent, useId, useState } from 'react';
import type { ActionInfo } from '../../api.ts';
import { useAction } from '../../hooks/use-action.ts';
import { captionMaxOf } from '../../lib/emoji-drafts.ts';
import { type Knobs, knobsOf, regenerateBody } from '../../lib/regenerate-form.ts';
import { type RefineEmoji, regenerateEmoji } from '../../refine-api.ts';
import { Alert } from '../Alert.tsx';
import { AccentField, CaptionField, SliderField } from '../KnobFields.tsx';
import { Modal } from '../Modal.tsx';

/** Used when a server predates per-action knobs. */
const FALLBACK_ACCENT = '#6d28d9';
const FALLBACK_RANGE = { speed: { min: 0.5, max: 2 }, intensity: { min: 0, max: 1 } };

interface RegenerateDialogProps {
  jobId: string;
  emoji: RefineEmoji;
  actions: readonly ActionInfo[];
  onStarted: () => void;
  onClose: () => void;
}

/** Changes one emoji's action, caption, colour, speed or intensity and renders it as a new version. */
export function RegenerateDialog({ jobId, emoji, actions, onStarted, onClose }: RegenerateDialogProps) {
  const titleId = useId();
  const actionId = useId();
  const current = actions.find((a) => a.id === emoji.action);
  const [knobs, setKnobs] = useState<Knobs>(() => knobsOf(emoji, current));
  const { busy, error, run } = useAction();
  const chosen = actions.find((a) => a.id === knobs.action) ?? current;
  const set = (patch: Partial<Knobs>) => setKnobs((k) => ({ ...k, ...patch }));
  const next = emoji.versionCount + 1;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await run('regenerate', () =>
      regenerateEmoji(jobId, emoji.index, regenerateBody(emoji, knobs, current)),
    );
    if (ok) {
      onStarted();
      onClose();
    }
  };

  return (
    <Modal labelledBy={titleId} className="emoji-dialog--form" onClose={onClose}>
      <form className="emoji-dialog__panel" onSubmit={onSubmit}>
        <div className="emoji-dialog__head">
          <h2 id={titleId} className="emoji-dialog__title">
            Regenerate {emoji.label} <span className="muted">· emoji {emoji.index + 1}</span>
          </h2>
          <button type="button" className="icon-button" onClick={onClose} aria-label="Close">
            ×
          </button>
        </div>
        <p className="muted regen__intro">
          This makes version {next}. The one shown now stays until version {next} is done, and you can go back
          to it under Versions.
        </p>
        <div className="field">
          <label htmlFor={actionId} className="field__label">
            Action
          </label>
          <select
            id={actionId}
            className="select-input"
            value={knobs.action}
            onChange={(e) => set({ action: e.target.value })}
          >
            {actions.map((a) => (
              <option key={a.id} value={a.id}>
                {a.glyph} {a.label}
              </option>
            ))}
          </select>
        </div>
        <CaptionField
          value={knobs.caption}
          max={captionMaxOf(chosen)}
          suggestion={chosen?.params?.caption.suggestion}
          onChange={(caption) => set({ caption })}
        />
        <AccentField
          value={knobs.accent}
          own={chosen?.params?.accent.default ?? FALLBACK_ACCENT}
          label={chosen?.label ?? emoji.label}
          onChange={(accent) => set({ accent })}
        />
        <SliderField
          label="Speed"
          value={knobs.speed}
          range={chosen?.params?.speed ?? FALLBACK_RANGE.speed}
          step={0.05}
          unit="×"
          onChange={(speed) => set({ speed })}
        />
        <SliderField
          label="Intensity"
          value={knobs.intensity}
          range={chosen?.params?.intensity ?? FALLBACK_RANGE.intensity}
          step={0.05}
          onChange={(intensity) => set({ intensity })}
        />
        {error && <Alert title="Couldn’t start the render">{error}</Alert>}
        <div className="emoji-dialog__foot">
          <button type="button" className="button button--ghost" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy !== null}>
            {busy ? 'Starting…' : `Render version ${next}`}
          </button>
        </div>
      </form>
    </Modal>
  );
}
