import { type ChangeEvent, useEffect, useId, useRef } from 'react';
import type { ActionInfo } from '../api.ts';
import { captionLength, captionMaxOf, clampCaption, type EmojiDraft } from '../lib/emoji-drafts.ts';

/** Used when a server predates per-action knobs. */
const FALLBACK_ACCENT = '#6d28d9';

interface EmojiDraftRowProps {
  draft: EmojiDraft;
  position: number;
  action: ActionInfo | undefined;
  open: boolean;
  /** Move focus into the caption once (after the server named this emoji in an error). */
  focusCaption: boolean;
  onToggleOpen: () => void;
  onChange: (patch: Partial<Pick<EmojiDraft, 'caption' | 'accent'>>) => void;
  onRemove: () => void;
}

/** One emoji of the set: its number and action, and, opened, its caption and accent colour. */
export function EmojiDraftRow({
  draft,
  position,
  action,
  open,
  focusCaption,
  onToggleOpen,
  onChange,
  onRemove,
}: EmojiDraftRowProps) {
  const panelId = useId();
  const captionId = useId();
  const countId = useId();
  const accentId = useId();
  const captionRef = useRef<HTMLInputElement>(null);
  const label = action?.label ?? draft.action;
  const max = captionMaxOf(action);
  const suggestion = action?.params?.caption.suggestion;
  const defaultAccent = action?.params?.accent.default ?? FALLBACK_ACCENT;
  const length = captionLength(draft.caption);
  const caption = draft.caption.trim();

  useEffect(() => {
    if (open && focusCaption) captionRef.current?.focus();
  }, [open, focusCaption]);

  // The limit counts code points, which the maxLength attribute (UTF-16 units) cannot;
  // the text is cut here instead, except mid-composition, where an IME still owns it.
  const onCaption = (event: ChangeEvent<HTMLInputElement>) => {
    const composing = (event.nativeEvent as InputEvent).isComposing;
    onChange({ caption: composing ? event.target.value : clampCaption(event.target.value, max) });
  };

  return (
    <li className={`draft${open ? ' is-open' : ''}`}>
      <div className="draft__row">
        <span className="chip__num">{position}</span>
        <span className="draft__glyph" aria-hidden="true">
          {action?.glyph}
        </span>
        <span className="draft__label">{label}</span>
        <span className="draft__summary">
          {caption && <span className="draft__caption">“{caption}”</span>}
          {draft.accent && (
            <span className="swatch__dot swatch__dot--inline" style={{ backgroundColor: draft.accent }}>
              <span className="visually-hidden">custom colour {draft.accent}</span>
            </span>
          )}
        </span>
        <button
          type="button"
          className="button button--small button--quiet draft__toggle"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={onToggleOpen}
        >
          <span className="draft__toggle-text">
            Caption & colour
            <span className="visually-hidden">
              {' '}
              for {label} (number {position})
            </span>
          </span>
          <span className="draft__toggle-icon" aria-hidden="true">
            ✎
          </span>
          <span className="draft__chevron" aria-hidden="true">
            ▾
          </span>
        </button>
        <button
          type="button"
          className="chip__remove"
          onClick={onRemove}
          aria-label={`Remove ${label} (number ${position})`}
        >
          ×
        </button>
      </div>
      {open && (
        <div className="draft__panel" id={panelId}>
          <div className="field field--caption">
            <label htmlFor={captionId} className="field__label">
              Caption
            </label>
            <div className="field__control">
              <input
                ref={captionRef}
                id={captionId}
                type="text"
                className="text-input"
                value={draft.caption}
                placeholder={suggestion ? `e.g. ${suggestion}` : 'No caption'}
                autoComplete="off"
                aria-describedby={countId}
                aria-invalid={length > max}
                onChange={onCaption}
                onCompositionEnd={(e) => onChange({ caption: clampCaption(e.currentTarget.value, max) })}
              />
              <span id={countId} className={`field__count${length >= max ? ' is-full' : ''}`}>
                {length} / {max}
                <span className="visually-hidden"> characters</span>
              </span>
            </div>
            {suggestion && caption === '' && (
              <button
                type="button"
                className="button button--small button--ghost"
                onClick={() => onChange({ caption: suggestion })}
              >
                Use “{suggestion}”
              </button>
            )}
          </div>
          <div className="field field--accent">
            <label htmlFor={accentId} className="field__label">
              Accent colour
            </label>
            <input
              id={accentId}
              type="color"
              className="colour-input"
              value={draft.accent ?? defaultAccent}
              onChange={(e) => onChange({ accent: e.target.value })}
            />
            {draft.accent ? (
              <button
                type="button"
                className="button button--small button--quiet"
                onClick={() => onChange({ accent: null })}
              >
                Use {label}’s own colour
              </button>
            ) : (
              <span className="muted field__hint">{label}’s own colour</span>
            )}
          </div>
        </div>
      )}
    </li>
  );
}
