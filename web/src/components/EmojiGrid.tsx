import type { Emoji } from '../api.ts';
import { EmojiTile } from './EmojiTile.tsx';

interface EmojiGridProps {
  emojis: Emoji[];
  glyphs: Map<string, string>;
  platform: string;
  jobFinished: boolean;
  onOpen: (index: number) => void;
}

/** Every emoji of the set in order. */
export function EmojiGrid({ emojis, glyphs, platform, jobFinished, onOpen }: EmojiGridProps) {
  return (
    <ol className="emoji-grid" aria-label="Emojis in this set">
      {emojis.map((emoji) => (
        <EmojiTile
          key={emoji.index}
          emoji={emoji}
          total={emojis.length}
          glyph={glyphs.get(emoji.action)}
          platform={platform}
          jobFinished={jobFinished}
          onOpen={() => onOpen(emoji.index)}
        />
      ))}
    </ol>
  );
}
