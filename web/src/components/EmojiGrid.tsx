import type { CSSProperties } from 'react';
import type { Emoji } from '../api.ts';
import { useElementWidth } from '../hooks/use-element-width.ts';
import { formatBytes } from '../lib/format.ts';
import { emojiAsset } from '../lib/job-labels.ts';
import { dimensions, formatName } from '../lib/platform-rules.ts';
import type { PlatformView } from '../lib/platform-view.ts';
import { describeScale, previewSize } from '../lib/preview-size.ts';
import { EmojiTile } from './EmojiTile.tsx';

/** Largest tile: big enough to judge an animation, small enough for several a row. */
const MAX_TILE = 280;
/** Gap between columns and a tile's padding plus border, as in job.css; four 256 px tiles fit the 1140 px page. */
const GAP = 12;
const TILE_EDGE = 18;

interface EmojiGridProps {
  emojis: Emoji[];
  glyphs: Map<string, string>;
  platform: PlatformView;
  /** The platform whose files fill `assetUrl` (replies from before per-platform URLs). */
  firstPlatform: string | undefined;
  paused: boolean;
  jobFinished: boolean;
  onOpen: (index: number) => void;
}

/** Every emoji of the set in order, as one platform gets them, sized so they stay crisp. */
export function EmojiGrid({
  emojis,
  glyphs,
  platform,
  firstPlatform,
  paused,
  jobFinished,
  onOpen,
}: EmojiGridProps) {
  const [ref, width] = useElementWidth<HTMLOListElement>();
  // Two columns at the least, so a phone still shows the set side by side.
  const room = width > 0 ? Math.floor((width - GAP) / 2) - TILE_EDGE : MAX_TILE;
  const display = previewSize(platform.native, room, MAX_TILE);
  const style = {
    '--media': `${display.size}px`,
    '--tile-min': `${display.size + TILE_EDGE}px`,
  } as CSSProperties;
  return (
    <>
      <p className="muted emoji-grid__caption">
        {formatName(platform.format)} · {dimensions(platform.native, platform.native)} px, shown{' '}
        {describeScale(display.size, platform.native)}
        {platform.maxBytes !== null && ` · up to ${formatBytes(platform.maxBytes)} each`}
      </p>
      <ol ref={ref} className="emoji-grid" aria-label={`Emojis for ${platform.name}`} style={style}>
        {emojis.map((emoji) => {
          const asset = emojiAsset(emoji, platform.id, firstPlatform);
          return (
            <EmojiTile
              key={emoji.index}
              emoji={emoji}
              total={emojis.length}
              glyph={glyphs.get(emoji.action)}
              platform={platform}
              url={asset.url}
              bytes={asset.bytes}
              display={display}
              paused={paused}
              jobFinished={jobFinished}
              onOpen={() => onOpen(emoji.index)}
            />
          );
        })}
      </ol>
    </>
  );
}
