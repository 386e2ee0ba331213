/**
 * Inter-frame deltas: each frame after the first is stored as the bounding rectangle of
 * the pixels that changed against the canvas it is drawn on. That canvas is chosen by the
 * previous frame's dispose_op: NONE keeps the previous frame, BACKGROUND clears its
 * rectangle, PREVIOUS restores the canvas from before it. PREVIOUS is what makes
 * back-and-forth motion cheap: a frame that returns to the pose two frames back becomes a
 * small rectangle (on a waving emoji, 7.5 KB frames became 0.7 KB; apngasm does the same).
 *
 * A lossy setting (leave a pixel on screen when the new one is within a colour tolerance)
 * was measured and left out: on 12 engine emojis at 180 px, tolerance 3 saved 2.4% of the
 * bytes for -0.1 dB PSNR and tolerance 6 saved 3.2% for -0.2 dB, because the emojis move
 * as a whole and few pixels are "almost unchanged"; 192 colours instead of 256 save 18%.
 */
import {
  BLEND_OVER,
  BLEND_SOURCE,
  DISPOSE_BACKGROUND,
  DISPOSE_NONE,
  DISPOSE_PREVIOUS,
} from './apng.compose.ts';
import { ALPHA_SHIFT, alignedWords } from './palette.remap.ts';

/** One plane of pixel units: palette indices (bytes) or RGBA pixels as native-endian words. */
export type Plane = Uint8Array | Uint32Array;

/** The frames of an animation as planes of pixel units. */
export interface Planes {
  width: number;
  height: number;
  frames: readonly Plane[];
  /**
   * Alpha of each palette index, or null for RGBA words (alpha is then the word's alpha
   * byte). A table rather than a function: a function made per encode was a new call
   * target for the scan's optimized code each time, which V8 deoptimized and compiled again.
   */
  alphas: Uint8Array | null;
  /** The unit that leaves the canvas untouched under OVER, or null when there is none. */
  transparent: number | null;
}

/** A rectangle of one frame, ready to be packed, filtered and compressed. */
export interface FrameRect {
  x: number;
  y: number;
  width: number;
  height: number;
  blendOp: number;
  /** Rows of pixel units, `width` units each (a Uint32Array for RGBA planes). */
  pixels: Plane;
}

interface ChangeBox {
  x: number;
  y: number;
  width: number;
  height: number;
  /** OVER reproduces every changed pixel. */
  overOk: boolean;
}

const area = (box: ChangeBox | null) => (box ? box.width * box.height : 1);

/** Two planes compared unit by unit, and four palette indices at a time when their memory allows it. */
interface PlanePair {
  a: Plane;
  b: Plane;
  aWords: Uint32Array | null;
  bWords: Uint32Array | null;
}

const wordsOf = (plane: Plane) => (plane instanceof Uint8Array ? alignedWords(plane) : null);

function pairOf(a: Plane, b: Plane): PlanePair {
  return { a, b, aWords: wordsOf(a), bWords: wordsOf(b) };
}

/** The first unit in [from, to) where the planes differ, or -1; equal runs are skipped a word at a time. */
function firstDiff({ a, b, aWords, bWords }: PlanePair, from: number, to: number): number {
  let p = from;
  if (aWords && bWords) {
    for (; p < to && (p & 3) !== 0; p++) if (a[p] !== b[p]) return p;
    while (p + 4 <= to && aWords[p >> 2] === bWords[p >> 2]) p += 4;
  }
  for (; p < to; p++) if (a[p] !== b[p]) return p;
  return -1;
}

/** The last unit in [from, to) where the planes differ, or -1. */
function lastDiff({ a, b, aWords, bWords }: PlanePair, from: number, to: number): number {
  let p = to;
  if (aWords && bWords) {
    for (; p > from && (p & 3) !== 0; p--) if (a[p - 1] !== b[p - 1]) return p - 1;
    while (p - 4 >= from && aWords[(p >> 2) - 1] === bWords[(p >> 2) - 1]) p -= 4;
  }
  for (; p > from; p--) if (a[p - 1] !== b[p - 1]) return p - 1;
  return -1;
}

/** Alpha of one unit: from the palette's table, or the alpha byte of an RGBA word. */
function alphaOf(alphas: Uint8Array | null, unit: number): number {
  return alphas ? alphas[unit] : (unit >>> ALPHA_SHIFT) & 0xff;
}

/**
 * The bounding box of the pixels where `cur` differs from canvas `base`, or null when none
 * does. OVER is usable when it reproduces every changed pixel exactly (the new pixel is
 * opaque, or it is visible and lands on a fully transparent one), because then unchanged
 * pixels can be written as the transparent unit, which compresses far better. Anything
 * that must become more transparent needs SOURCE. Scans stop early once `limit` (the best
 * area so far) cannot be beaten. Each row is searched for its first and last change, four
 * palette indices at a time, and pixels in between are only looked at while OVER still holds
 * (on 180 px emojis this scan took ~5 ms an animation pixel by pixel).
 */
function changeBox(planes: Planes, base: Plane, cur: Plane, limit: number): ChangeBox | null {
  const { width, height, alphas, transparent } = planes;
  const pair = pairOf(base, cur);
  let minX = width;
  let minY = height;
  let maxX = -1;
  let maxY = -1;
  let overOk = transparent !== null;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const first = firstDiff(pair, row, row + width);
    if (first < 0) continue;
    const last = lastDiff(pair, first, row + width);
    for (let p = first; overOk && p <= last; p++) {
      if (base[p] === cur[p]) continue;
      const a = alphaOf(alphas, cur[p]);
      overOk = a === 255 || (a > 0 && alphaOf(alphas, base[p]) === 0);
    }
    if (first - row < minX) minX = first - row;
    if (last - row > maxX) maxX = last - row;
    if (minY > y) minY = y;
    maxY = y;
    // Rows only add to the box: once it is wider × taller than the best so far, stop.
    if ((maxX - minX + 1) * (maxY - minY + 1) >= limit) break;
  }
  if (maxX < 0) return null;
  return { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1, overOk };
}

/** The rectangle that turns canvas `base` into frame `cur`. */
function deltaRect(planes: Planes, base: Plane, cur: Plane, box: ChangeBox | null): FrameRect {
  if (!box) {
    // Nothing changed, but a frame needs at least one pixel: rewrite one pixel as it is.
    return { x: 0, y: 0, width: 1, height: 1, blendOp: BLEND_SOURCE, pixels: cur.slice(0, 1) };
  }
  const { x, y, width: w, height: h, overOk } = box;
  const { transparent, width } = planes;
  const over = overOk && transparent !== null;
  const pixels = cur.slice(0, w * h);
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) {
      const p = (y + r) * width + x + c;
      pixels[r * w + c] = over && base[p] === cur[p] ? transparent : cur[p];
    }
  }
  return { x, y, width: w, height: h, blendOp: over ? BLEND_OVER : BLEND_SOURCE, pixels };
}

/** `plane` with the rectangle `r` set to the transparent unit (dispose_op BACKGROUND). */
function cleared(planes: Planes, plane: Plane, r: FrameRect, transparent: number): Plane {
  const out = plane.slice();
  for (let y = r.y; y < r.y + r.height; y++) {
    const from = y * planes.width + r.x;
    out.fill(transparent, from, from + r.width);
  }
  return out;
}

/**
 * Every frame's rectangle and the dispose_op that each frame leaves for the next one,
 * choosing per frame the canvas (kept, cleared or restored) that needs the smallest rectangle.
 */
export function planApngFrames(planes: Planes): { rects: FrameRect[]; dispose: number[] } {
  const { frames, transparent } = planes;
  const rects: FrameRect[] = [fullRect(planes)];
  const dispose: number[] = [];
  // The canvas frame i-1 was drawn on; for frame 0, the blank canvas.
  let before: Plane = frames[0].slice().fill(transparent ?? 0);
  for (let i = 1; i < frames.length; i++) {
    const shown = frames[i - 1];
    const options: [number, Plane][] = [[DISPOSE_NONE, shown]];
    if (i > 1) options.push([DISPOSE_PREVIOUS, before]);
    if (transparent !== null)
      options.push([DISPOSE_BACKGROUND, cleared(planes, shown, rects[i - 1], transparent)]);
    let best: { op: number; base: Plane; box: ChangeBox | null } | null = null;
    for (const [op, base] of options) {
      const box = changeBox(planes, base, frames[i], best ? area(best.box) : Number.POSITIVE_INFINITY);
      if (!best || area(box) < area(best.box)) best = { op, base, box };
    }
    if (!best) throw new Error('unreachable: NONE is always an option');
    dispose.push(best.op);
    rects.push(deltaRect(planes, best.base, frames[i], best.box));
    before = best.base;
  }
  dispose.push(DISPOSE_NONE);
  return { rects, dispose };
}

/** The whole first frame, which is also the PNG's default image. */
export function fullRect(planes: Planes): FrameRect {
  const { width, height, frames } = planes;
  return { x: 0, y: 0, width, height, blendOp: BLEND_SOURCE, pixels: frames[0] };
}
