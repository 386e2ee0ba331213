/**
 * Synthetic animations drawn with code, for tests and benchmarks of the encoders
 * (no binary fixtures). Not used by production code.
 */
import type { FrameSequence } from '../domain/image.ts';
import { seededRandom } from '../domain/random.ts';

export { seededRandom };

type Shade = (x: number, y: number) => [number, number, number];

/** Paints an anti-aliased disc over `img` (straight RGBA, source-over). */
export function drawDisc(
  img: Uint8Array,
  width: number,
  cx: number,
  cy: number,
  radius: number,
  shade: Shade,
  alpha = 255,
): void {
  const height = img.length / 4 / width;
  for (let y = Math.max(0, Math.floor(cy - radius - 1)); y < Math.min(height, cy + radius + 1); y++) {
    for (let x = Math.max(0, Math.floor(cx - radius - 1)); x < Math.min(width, cx + radius + 1); x++) {
      const coverage = Math.min(1, Math.max(0, radius + 0.5 - Math.hypot(x + 0.5 - cx, y + 0.5 - cy)));
      if (coverage <= 0) continue;
      const sa = (coverage * alpha) / 255;
      const o = (y * width + x) * 4;
      const da = img[o + 3] / 255;
      const oa = sa + da * (1 - sa);
      const [r, g, b] = shade(x, y);
      const mix = (s: number, d: number) => Math.round((s * sa + d * da * (1 - sa)) / oa);
      img[o] = mix(r, img[o]);
      img[o + 1] = mix(g, img[o + 1]);
      img[o + 2] = mix(b, img[o + 2]);
      img[o + 3] = Math.round(oa * 255);
    }
  }
}

/** Fills an axis-aligned rectangle with one colour, replacing what was there. */
export function fillRect(
  img: Uint8Array,
  width: number,
  x0: number,
  y0: number,
  w: number,
  h: number,
  rgba: readonly [number, number, number, number],
): void {
  for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) img.set(rgba, (y * width + x) * 4);
}

/**
 * A shaded round character on a transparent canvas that bobs and blinks: smooth gradients
 * (well over 256 colours), anti-aliased edges, and mostly static pixels between frames.
 */
export function emojiFrames(width = 180, height = 180, frames = 16, durationMs = 2000): FrameSequence {
  const out: Uint8Array[] = [];
  const r = Math.min(width, height) * 0.36;
  for (let f = 0; f < frames; f++) {
    const img = new Uint8Array(width * height * 4);
    const cx = width / 2;
    const cy = height / 2 + Math.round(Math.sin((f / frames) * 2 * Math.PI) * 4);
    drawDisc(img, width, cx, cy, r, (x, y) => [
      230 - ((y - cy + r) / (2 * r)) * 60,
      170 + ((x - cx + r) / (2 * r)) * 60,
      40 + ((y - cy + r) / (2 * r)) * 40,
    ]);
    const eye = f % 8 === 7 ? 1.5 : r * 0.12;
    for (const side of [-1, 1])
      drawDisc(img, width, cx + side * r * 0.35, cy - r * 0.2, eye, () => [40, 30, 30]);
    drawDisc(img, width, cx, cy + r * 0.35, r * 0.18, () => [200, 60, 70], 220);
    out.push(img);
  }
  return { width, height, frames: out, durationMs };
}

/** Random colours in every pixel except a transparent `margin`-wide border; each frame differs. */
export function noiseFrames(width: number, height: number, frames: number, durationMs: number, margin = 4) {
  const rand = seededRandom(42);
  const out: Uint8Array[] = [];
  for (let f = 0; f < frames; f++) {
    const img = new Uint8Array(width * height * 4);
    for (let y = margin; y < height - margin; y++) {
      for (let x = margin; x < width - margin; x++) {
        const o = (y * width + x) * 4;
        img[o] = rand() * 256;
        img[o + 1] = rand() * 256;
        img[o + 2] = rand() * 256;
        img[o + 3] = 255;
      }
    }
    out.push(img);
  }
  return { width, height, frames: out, durationMs } satisfies FrameSequence;
}

/** The straight colour of `softDisc`. */
export const SOFT_RED = [230, 40, 40] as const;

/** A red disc whose edge fades out over `feather` px on transparency; its straight colour is red everywhere. */
export function softDisc(size: number, feather: number, radius = size * 0.35): Uint8Array {
  const img = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x + 0.5 - size / 2, y + 0.5 - size / 2);
      const a = Math.round(255 * Math.min(1, Math.max(0, (radius - d) / feather + 0.5)));
      if (a > 0) img.set([...SOFT_RED, a], (y * size + x) * 4);
    }
  }
  return img;
}

/**
 * Single pixels at the first and last pixel of rows and on either side of a four-pixel word
 * boundary, on a 37 × 9 plane (a width that is not a multiple of 4): where encoders that
 * compare indices a word at a time could miss a change.
 */
export const EDGE_SPOTS = {
  width: 37,
  height: 9,
  spots: [
    [0, 0],
    [36, 0],
    [3, 4],
    [4, 4],
    [35, 8],
    [36, 8],
    [0, 8],
  ] as const,
};

/** One frame per edge spot: `base` with that spot drawn in red. */
export function edgeSpotFrames(base: Uint8Array, durationMs: number): FrameSequence {
  const { width, height, spots } = EDGE_SPOTS;
  const frames = spots.map(([x, y]) => {
    const f = base.slice();
    fillRect(f, width, x, y, 1, 1, [250, 20, 20, 255]);
    return f;
  });
  return { width, height, frames, durationMs };
}
