/**
 * How big to show an animation so that it stays crisp: an integer multiple of
 * its own pixels when it fits (a 128 px GIF at 256 px, pixel for pixel twice),
 * otherwise an integer fraction (a 512 px sticker at 256, exact on 2× screens),
 * and only when even that is far too small, the room itself. Never a fractional
 * enlargement, which is what makes small GIFs blurry.
 */

/** Below this share of the room, an integer fraction is too small to be worth its crispness. */
const SMALLEST_SHARE = 0.6;

export interface PreviewSize {
  /** CSS pixels per side. */
  size: number;
  /** True when enlarged by a whole number: the page should keep hard pixel edges. */
  pixelated: boolean;
}

/** The display size of a `native`-pixel square in `room` CSS pixels, at most `max`. */
export function previewSize(native: number, room: number, max = Number.POSITIVE_INFINITY): PreviewSize {
  const limit = Math.max(1, Math.floor(Math.min(room, max)));
  if (native <= 0) return { size: limit, pixelated: false };
  if (native <= limit) {
    const k = Math.floor(limit / native);
    return { size: native * k, pixelated: k > 1 };
  }
  const fraction = native / Math.ceil(native / limit);
  if (fraction >= limit * SMALLEST_SHARE) return { size: fraction, pixelated: false };
  return { size: limit, pixelated: false };
}

/** How a display size relates to the file, to follow "shown": "at actual size", "at 2×", "at half size", "smaller". */
export function describeScale(size: number, native: number): string {
  if (size === native) return 'at actual size';
  if (size > native && Number.isInteger(size / native)) return `at ${size / native}×`;
  const divisor = native / size;
  if (Number.isInteger(divisor)) return divisor === 2 ? 'at half size' : `at 1/${divisor} size`;
  return 'smaller';
}
