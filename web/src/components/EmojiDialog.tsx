import { type KeyboardEvent, type MouseEvent, useEffect, useRef } from 'react';
import type { Emoji } from '../api.ts';
import { formatBytes } from '../lib/format.ts';
import { emojiFileName } from '../lib/job-labels.ts';

interface EmojiDialogProps {
  emoji: Emoji;
  total: number;
  platform: string;
  maxBytes: number | undefined;
  onPrev: (() => void) | null;
  onNext: (() => void) | null;
  onClose: () => void;
}

/**
 * A large preview in a native modal dialog: it traps focus and closes on Esc.
 * Mounted only while open, so focus goes back to the tile that opened it on unmount.
 */
export function EmojiDialog({ emoji, total, platform, maxBytes, onPrev, onNext, onClose }: EmojiDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      opener?.focus();
    };
  }, []);

  const onBackdrop = (event: MouseEvent<HTMLDialogElement>) => {
    if (event.target === event.currentTarget) onClose();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === 'ArrowLeft' && onPrev) onPrev();
    if (event.key === 'ArrowRight' && onNext) onNext();
  };

  const report = emoji.validation?.[platform];
  const titleId = `emoji-dialog-title-${emoji.index}`;

  return (
    // Esc arrives as `cancel`; the native close is cancelled so React stays in charge of unmounting.
    <dialog
      ref={ref}
      className="emoji-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={onBackdrop}
      onKeyDown={onKeyDown}
    >
      <div className="emoji-dialog__panel">
        <div className="emoji-dialog__head">
          <h2 id={titleId} className="emoji-dialog__title">
            {emoji.label}{' '}
            <span className="muted">
              · {emoji.index + 1} of {total}
            </span>
          </h2>
          <button type="button" className="icon-button" onClick={onClose} aria-label="Close preview">
            ×
          </button>
        </div>
        <div className="emoji-dialog__stage checker">
          {emoji.assetUrl && (
            <img src={emoji.assetUrl} alt={`${emoji.label} emoji, enlarged`} width={360} height={360} />
          )}
        </div>
        <div className="emoji-dialog__details">
          {emoji.bytes !== null && (
            <p className="muted">
              180 × 180 animated PNG · {formatBytes(emoji.bytes)}
              {maxBytes ? ` of ${formatBytes(maxBytes)} allowed` : ''}
            </p>
          )}
          {report && (
            <ul className="checks" aria-label="LINE rule checks">
              {report.checks.map((c) => (
                <li key={c.rule} className={c.ok ? 'check check--ok' : 'check check--fail'}>
                  <span aria-hidden="true">{c.ok ? '✓' : '✗'}</span>
                  <span className="visually-hidden">{c.ok ? 'Passes: ' : 'Fails: '}</span>
                  {c.message}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="emoji-dialog__foot">
          <div className="button-row">
            <button
              type="button"
              className="button button--small button--ghost"
              onClick={onPrev ?? undefined}
              disabled={!onPrev}
            >
              ← Previous
            </button>
            <button
              type="button"
              className="button button--small button--ghost"
              onClick={onNext ?? undefined}
              disabled={!onNext}
            >
              Next →
            </button>
          </div>
          {emoji.assetUrl && (
            <a className="button button--small" href={emoji.assetUrl} download={emojiFileName(emoji)}>
              Download PNG
            </a>
          )}
        </div>
      </div>
    </dialog>
  );
}
