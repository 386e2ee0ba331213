import type { CSSProperties, KeyboardEvent } from 'react';
import type { Emoji, ValidationCheck } from '../api.ts';
import { formatBytes } from '../lib/format.ts';
import { emojiFileName } from '../lib/job-labels.ts';
import { dimensions, formatExtension, formatName } from '../lib/platform-rules.ts';
import type { PlatformView } from '../lib/platform-view.ts';
import { describeScale, previewSize } from '../lib/preview-size.ts';
import { EmojiMedia } from './EmojiMedia.tsx';
import { Modal } from './Modal.tsx';

/** Largest preview: a Telegram or WhatsApp file at its own 512 px. */
const MAX_PREVIEW = 512;
/** The dialog's margins and padding around the picture, as in dialog.css. */
const DIALOG_EDGE = 72;
/** Height of the title, details and buttons around the picture. */
const DIALOG_CHROME = 260;

/** "All 8 Discord checks pass", "2 of 8 checks fail". */
function checksSummary(checks: readonly ValidationCheck[], platform: string): string {
  const failing = checks.filter((c) => !c.ok).length;
  if (failing === 0) return `All ${checks.length} ${platform} checks pass`;
  return `${failing} of ${checks.length} ${platform} checks fail`;
}

interface EmojiDialogProps {
  emoji: Emoji;
  total: number;
  platform: PlatformView;
  url: string;
  bytes: number | null;
  onPrev: (() => void) | null;
  onNext: (() => void) | null;
  onClose: () => void;
}

/**
 * A large preview of the selected platform's file in a modal dialog, mounted only
 * while open, so focus goes back to the tile that opened it on unmount.
 */
export function EmojiDialog({
  emoji,
  total,
  platform,
  url,
  bytes,
  onPrev,
  onNext,
  onClose,
}: EmojiDialogProps) {
  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === 'ArrowLeft' && onPrev) onPrev();
    if (event.key === 'ArrowRight' && onNext) onNext();
  };

  const report = emoji.validation?.[platform.id];
  const titleId = `emoji-dialog-title-${emoji.index}`;
  const room = Math.min(window.innerWidth - DIALOG_EDGE, window.innerHeight - DIALOG_CHROME);
  const display = previewSize(platform.native, room, MAX_PREVIEW);
  const shown = `shown ${describeScale(display.size, platform.native)}`;

  return (
    <Modal
      labelledBy={titleId}
      style={{ '--stage': `${display.size}px` } as CSSProperties}
      onClose={onClose}
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
        <div className="emoji-dialog__stage checker" style={{ width: display.size, height: display.size }}>
          <EmojiMedia
            url={url}
            format={platform.format}
            display={display}
            alt={`${emoji.label} emoji for ${platform.name}, ${shown}`}
          />
        </div>
        <div className="emoji-dialog__details">
          <p className="muted">
            {dimensions(platform.native, platform.native)} {formatName(platform.format)} · {shown}
            {bytes !== null && ` · ${formatBytes(bytes)}`}
            {bytes !== null && platform.maxBytes ? ` of ${formatBytes(platform.maxBytes)} allowed` : ''}
          </p>
          {emoji.params?.caption && <p className="muted">Caption: “{emoji.params.caption}”</p>}
          {report && (
            // Folded while every rule passes, so the picture and the buttons share one screen.
            <details className="checks-details" open={!report.ok}>
              <summary className={report.ok ? 'check check--ok' : 'check check--fail'}>
                {checksSummary(report.checks, platform.name)}
              </summary>
              <ul className="checks" aria-label={`${platform.name} rule checks`}>
                {report.checks.map((c) => (
                  <li key={c.rule} className={c.ok ? 'check check--ok' : 'check check--fail'}>
                    <span aria-hidden="true">{c.ok ? '✓' : '✗'}</span>
                    <span className="visually-hidden">{c.ok ? 'Passes: ' : 'Fails: '}</span>
                    {c.message}
                  </li>
                ))}
              </ul>
            </details>
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
          <a className="button button--small" href={url} download={emojiFileName(emoji, platform.format)}>
            Download {formatExtension(platform.format).toUpperCase()}
          </a>
        </div>
      </div>
    </Modal>
  );
}
