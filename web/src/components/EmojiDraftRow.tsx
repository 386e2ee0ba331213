import { useEffect, useId, useRef } from 'react';
import type { ActionInfo } from '../api.ts';
import { captionMaxOf, type EmojiDraft } from '../lib/emoji-drafts.ts';
import { AccentField, CaptionField } from './KnobFields.tsx';

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
  const captionRef = useRef<HTMLInputElement>(null);
  const label = action?.label ?? draft.action;
  const max = captionMaxOf(action);
  const suggestion = action?.params?.caption.suggestion;
  const defaultAccent = action?.params?.accent.default ?? FALLBACK_ACCENT;
  const caption = draft.caption.trim();

  useEffect(() => {
    if (open && focusCaption) captionRef.current?.focus();
  }, [open, focusCaption]);

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
          <CaptionField
            value={draft.caption}
            max={max}
            suggestion={suggestion}
            inputRef={captionRef}
            onChange={(value) => onChange({ caption: value })}
          />
          <AccentField
            value={draft.accent}
            own={defaultAccent}
            label={label}
            onChange={(accent) => onChange({ accent })}
          />
        </div>
      )}
    </li>
  );
}
