import { characterPreviewUrl } from '../api.ts';
import { useConfig } from '../hooks/use-config.ts';

const FALLBACK_GLYPHS = ['👋', '😍', '😂', '😭', '😠', '😲', '😴', '🙇', '🙆', '🙅', '🎉', '🦘'];
const MAX_TILES = 8;

/** Round-robin over the lists, so neighbouring tiles show different characters. */
function interleave<T>(lists: T[][]): T[] {
  const out: T[] = [];
  const longest = Math.max(0, ...lists.map((l) => l.length));
  for (let i = 0; i < longest; i++) for (const list of lists) if (i < list.length) out.push(list[i]);
  return out;
}

/** A row of sample characters in their colour presets, each with an action hint. */
export function ExampleStrip() {
  const config = useConfig();
  const samples =
    config.status === 'ready'
      ? interleave(
          config.config.characters.map((c) =>
            Object.entries(c.presets).map(([preset, hex]) => ({
              key: `${c.id}-${preset}`,
              src: characterPreviewUrl(c.id, hex),
              alt: `${c.label} in ${preset}`,
            })),
          ),
        )
      : [];
  const glyphs = config.status === 'ready' ? config.config.actions.map((a) => a.glyph) : FALLBACK_GLYPHS;
  const count = samples.length > 0 ? Math.min(samples.length, MAX_TILES) : FALLBACK_GLYPHS.length;

  return (
    <ul className="strip" aria-label="Example characters">
      {Array.from({ length: count }, (_, i) => {
        const sample = samples[i];
        const glyph = glyphs[i % glyphs.length];
        return (
          <li key={sample?.key ?? i} className="strip__item" style={{ animationDelay: `${(i % 6) * 0.18}s` }}>
            {sample ? (
              <img src={sample.src} alt={sample.alt} width={96} height={96} loading="lazy" />
            ) : (
              <span className="strip__glyph" aria-hidden="true">
                {glyph}
              </span>
            )}
            {sample && (
              <span className="strip__badge" aria-hidden="true">
                {glyph}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
