import type { Emoji } from '../api.ts';
import { formatBytes } from '../lib/format.ts';
import type { PlatformView } from '../lib/platform-view.ts';
import type { PreviewSize } from '../lib/preview-size.ts';
import { EmojiMedia } from './EmojiMedia.tsx';
import { ValidationBadge } from './ValidationBadge.tsx';

interface EmojiTileProps {
  emoji: Emoji;
  total: number;
  glyph: string | undefined;
  platform: PlatformView;
  /** This platform's file, once known. */
  url: string | null;
  bytes: number | null;
  display: PreviewSize;
  /** Off hours hold the job: an emoji not started waits for the opening. */
  paused: boolean;
  /** The job has stopped: an emoji still pending now will never be made. */
  jobFinished: boolean;
  onOpen: () => void;
}

function waitingText(emoji: Emoji, stalled: boolean, paused: boolean): string {
  if (emoji.status === 'failed') return 'Couldn’t make this one';
  if (stalled) return 'Not made';
  if (emoji.status === 'completed') return 'Loading…';
  if (emoji.status === 'running') return 'Animating…';
  return paused ? 'Paused' : 'Waiting…';
}

/** One emoji as `platform` gets it, shown crisp; or a placeholder with its action until it is made. */
export function EmojiTile(props: EmojiTileProps) {
  const { emoji, total, glyph, platform, url, bytes, display, paused, jobFinished, onOpen } = props;
  const position = `${emoji.index + 1} of ${total}`;
  const stalled = !url && emoji.status !== 'failed' && jobFinished;
  const state = stalled ? 'stalled' : paused && emoji.status === 'pending' ? 'paused' : emoji.status;
  const caption = emoji.params?.caption;
  return (
    <li className={`tile tile--${state}`}>
      {url ? (
        <button type="button" className="tile__media checker" onClick={onOpen} aria-haspopup="dialog">
          <EmojiMedia url={url} format={platform.format} display={display} alt="" className="tile__img" />
          <span className="visually-hidden">
            {emoji.label}, emoji {position}. Open large preview
          </span>
        </button>
      ) : (
        <div className="tile__media tile__media--pending">
          <span className="tile__glyph" aria-hidden="true">
            {glyph ?? '✦'}
          </span>
          <span className="tile__waiting">{waitingText(emoji, stalled, paused)}</span>
        </div>
      )}
      <div className="tile__meta">
        <span className="tile__num" aria-hidden="true">
          {emoji.index + 1}
        </span>
        <span className="tile__label">{emoji.label}</span>
        {bytes !== null && <span className="tile__bytes">{formatBytes(bytes)}</span>}
      </div>
      {caption && <p className="tile__caption">“{caption}”</p>}
      <ValidationBadge emoji={emoji} platform={platform} />
    </li>
  );
}
