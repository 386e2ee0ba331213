import type { Emoji } from '../api.ts';
import { formatBytes } from '../lib/format.ts';
import { ValidationBadge } from './ValidationBadge.tsx';

interface EmojiTileProps {
  emoji: Emoji;
  total: number;
  glyph: string | undefined;
  platform: string;
  /** The job has stopped: an emoji still pending now will never be made. */
  jobFinished: boolean;
  onOpen: () => void;
}

function waitingText(status: Emoji['status'], stalled: boolean): string {
  if (status === 'failed') return 'Couldn’t make this one';
  if (stalled) return 'Not made';
  return status === 'running' ? 'Animating…' : 'Waiting…';
}

/** One emoji at its native 180 px, or a skeleton with its action until it is made. */
export function EmojiTile({ emoji, total, glyph, platform, jobFinished, onOpen }: EmojiTileProps) {
  const ready = emoji.status === 'completed' && emoji.assetUrl;
  const position = `${emoji.index + 1} of ${total}`;
  const stalled = !ready && emoji.status !== 'failed' && jobFinished;
  return (
    <li className={`tile tile--${stalled ? 'stalled' : emoji.status}`}>
      {ready ? (
        <button type="button" className="tile__media checker" onClick={onOpen} aria-haspopup="dialog">
          <img src={emoji.assetUrl ?? ''} alt="" width={180} height={180} className="tile__img" />
          <span className="visually-hidden">
            {emoji.label}, emoji {position}. Open large preview
          </span>
        </button>
      ) : (
        <div className="tile__media tile__media--pending">
          <span className="tile__glyph" aria-hidden="true">
            {glyph ?? '✦'}
          </span>
          <span className="tile__waiting">{waitingText(emoji.status, stalled)}</span>
        </div>
      )}
      <div className="tile__meta">
        <span className="tile__num" aria-hidden="true">
          {emoji.index + 1}
        </span>
        <span className="tile__label">{emoji.label}</span>
        {emoji.bytes !== null && ready && <span className="tile__bytes">{formatBytes(emoji.bytes)}</span>}
      </div>
      <ValidationBadge emoji={emoji} platform={platform} />
    </li>
  );
}
