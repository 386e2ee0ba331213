/**
 * Inter-frame deltas: each frame after the first is stored as the bounding rectangle of
 * the pixels that changed against the canvas it is drawn on. That canvas is chosen by the
 * previous frame's dispose_op: NONE keeps the previous frame, BACKGROUND clears its
 * rectangle, PREVIOUS restores the canvas from before it. PREVIOUS is what makes
 * back-and-forth motion cheap: a frame that returns to the pose two frames back becomes a
 * small rectangle (on a waving emoji, 7.5 KB frames became 0.7 KB; apngasm does the same).
 * The dispose_ops are planned over the whole animation, not frame by frame (planApngFrames).
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

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface ChangeBox extends Rect {
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
function cleared(planes: Planes, plane: Plane, r: Rect, transparent: number): Plane {
  const out = plane.slice();
  for (let y = r.y; y < r.y + r.height; y++) {
    const from = y * planes.width + r.x;
    out.fill(transparent, from, from + r.width);
  }
  return out;
}

/**
 * One way of drawing frames 0..i: the canvas frame i is drawn on, its change box there,
 * the dispose_op frame i-1 left to get that canvas, the area so far, and the way it came.
 */
interface Path {
  base: Plane;
  box: ChangeBox | null;
  op: number;
  cost: number;
  from: Path | null;
}

/** How many ways of drawing the frames so far the planner keeps (see planApngFrames). */
const BEAM_WIDTH = 16;

/** A 32-bit FNV-1a hash of a plane, a word at a time where its memory allows. */
function planeHash(plane: Plane): number {
  const units = plane instanceof Uint8Array ? (alignedWords(plane) ?? plane) : plane;
  let h = 0x811c9dc5;
  for (let i = 0; i < units.length; i++) h = Math.imul(h ^ units[i], 0x01000193);
  return h >>> 0;
}

/** The rectangle frame `i` of `path` is stored as (deltaRect's 1 × 1 pixel when nothing changed). */
function rectOf(planes: Planes, path: Path, i: number): Rect {
  if (i === 0) return { x: 0, y: 0, width: planes.width, height: planes.height };
  return path.box ?? { x: 0, y: 0, width: 1, height: 1 };
}

/** One frame's search: the paths kept so far, cheapest first, and the canvases already tried. */
interface Step {
  planes: Planes;
  frame: Plane;
  next: Path[];
  seen: Set<number>;
  seenPlanes: Set<Plane>;
  /** BACKGROUND canvases made this step, by the rectangle cleared: paths that share one share the canvas. */
  clearedBy: Map<string, Plane>;
}

/** The previous frame with `r` cleared, made once per step for each rectangle. */
function clearedOnce(step: Step, shown: Plane, r: Rect, transparent: number): Plane {
  const key = `${r.x},${r.y},${r.width},${r.height}`;
  let plane = step.clearedBy.get(key);
  if (!plane) {
    plane = cleared(step.planes, shown, r, transparent);
    step.clearedBy.set(key, plane);
  }
  return plane;
}

/** Adds the path that draws `step.frame` on `base` after `from`, if it is new and among the cheapest. */
function consider(step: Step, from: Path, op: number, base: Plane): void {
  const { next, seen, seenPlanes } = step;
  // Paths often share a canvas object (every NONE is the previous frame, BACKGROUND canvases
  // of one rectangle are made once): skip those unhashed.
  if (seenPlanes.has(base)) return;
  seenPlanes.add(base);
  // The same canvas reached another way has the same future; the first way here is the
  // cheapest, as the beam is walked cheapest first. (A hash collision only loses an option.)
  const key = planeHash(base);
  if (seen.has(key)) return;
  seen.add(key);
  // A path costlier than the beam's current last place will not be kept: stop its scan early.
  const worst = next.length < BEAM_WIDTH ? Number.POSITIVE_INFINITY : next[BEAM_WIDTH - 1].cost;
  const box = changeBox(step.planes, base, step.frame, worst - from.cost);
  const cost = from.cost + area(box);
  if (cost >= worst) return;
  let at = next.length;
  while (at > 0 && next[at - 1].cost > cost) at--;
  next.splice(at, 0, { base, box, op, cost, from });
  if (next.length > BEAM_WIDTH) next.pop();
}

/**
 * Every frame's rectangle and the dispose_op that each frame leaves for the next one.
 * Choosing each frame's dispose_op greedily (the canvas that gives the next frame the
 * smallest rectangle) can lose a later, larger saving: PREVIOUS only pays when the canvas
 * it restores is the pose a later frame comes back to, and an earlier greedy choice may
 * already have thrown that canvas away. So the planner keeps the `BEAM_WIDTH` cheapest
 * ways (total rectangle area) of drawing the frames so far, one per distinct canvas, and
 * takes the cheapest at the end.
 */
export function planApngFrames(planes: Planes): { rects: FrameRect[]; dispose: number[] } {
  const { frames, transparent } = planes;
  const blank = frames[0].slice().fill(transparent ?? 0);
  let beam: Path[] = [{ base: blank, box: null, op: DISPOSE_NONE, cost: 0, from: null }];
  for (let i = 1; i < frames.length; i++) {
    const shown = frames[i - 1];
    const step: Step = {
      planes,
      frame: frames[i],
      next: [],
      seen: new Set(),
      seenPlanes: new Set(),
      clearedBy: new Map(),
    };
    for (const path of beam) {
      consider(step, path, DISPOSE_NONE, shown);
      if (i > 1) consider(step, path, DISPOSE_PREVIOUS, path.base);
      if (transparent !== null) {
        const canvas = clearedOnce(step, shown, rectOf(planes, path, i - 1), transparent);
        consider(step, path, DISPOSE_BACKGROUND, canvas);
      }
    }
    beam = step.next;
  }
  const chosen: Path[] = [];
  for (let p: Path | null = beam[0]; p; p = p.from) chosen.unshift(p);
  const rects = chosen.map((p, i) =>
    i === 0 ? fullRect(planes) : deltaRect(planes, p.base, frames[i], p.box),
  );
  const dispose = chosen.slice(1).map((p) => p.op);
  dispose.push(DISPOSE_NONE);
  return { rects, dispose };
}

/** The whole first frame, which is also the PNG's default image. */
export function fullRect(planes: Planes): FrameRect {
  const { width, height, frames } = planes;
  return { x: 0, y: 0, width, height, blendOp: BLEND_SOURCE, pixels: frames[0] };
}
