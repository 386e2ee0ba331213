/**
 * Inter-frame deltas: each frame after the first is stored as the bounding rectangle of
 * the pixels that changed against the canvas it is drawn on. That canvas is chosen by the
 * previous frame's dispose_op: NONE keeps the previous frame, BACKGROUND clears its
 * rectangle, PREVIOUS restores the canvas from before it. PREVIOUS is what makes
 * back-and-forth motion cheap: a frame that returns to the pose two frames back becomes a
 * small rectangle (on a waving emoji, 7.5 KB frames became 0.7 KB; apngasm does the same).
 */
import {
  BLEND_OVER,
  BLEND_SOURCE,
  DISPOSE_BACKGROUND,
  DISPOSE_NONE,
  DISPOSE_PREVIOUS,
} from './apng.compose.ts';

/** Frames as planes of fixed-size pixel units: 1 byte (palette index) or 4 bytes (RGBA). */
export interface Planes {
  width: number;
  height: number;
  unit: 1 | 4;
  frames: readonly Uint8Array[];
  /** Alpha of the pixel at `p` in `frame`. */
  alphaAt: (frame: Uint8Array, p: number) => number;
  /** The unit that leaves the canvas untouched under OVER, or null when there is none. */
  transparent: Uint8Array | null;
}

/** A rectangle of one frame, ready to be packed, filtered and compressed. */
export interface FrameRect {
  x: number;
  y: number;
  width: number;
  height: number;
  blendOp: number;
  /** Rows of pixel units, `width * unit` bytes each. */
  pixels: Uint8Array;
}

function samePixel(a: Uint8Array, b: Uint8Array, p: number, unit: number): boolean {
  if (unit === 1) return a[p] === b[p];
  const s = p * 4;
  return a[s] === b[s] && a[s + 1] === b[s + 1] && a[s + 2] === b[s + 2] && a[s + 3] === b[s + 3];
}

function copyRect(planes: Planes, frame: Uint8Array, x: number, y: number, w: number, h: number): Uint8Array {
  const { unit, width } = planes;
  const out = new Uint8Array(w * h * unit);
  for (let r = 0; r < h; r++) {
    const from = ((y + r) * width + x) * unit;
    out.set(frame.subarray(from, from + w * unit), r * w * unit);
  }
  return out;
}

interface ChangeBox {
  x: number;
  y: number;
  width: number;
  height: number;
  /** OVER reproduces every changed pixel. */
  overOk: boolean;
}

/**
 * The bounding box of the pixels where `cur` differs from canvas `base`, or null when none
 * does. OVER is usable when it reproduces every changed pixel exactly (the new pixel is
 * opaque, or it is visible and lands on a fully transparent one), because then unchanged
 * pixels can be written as the transparent unit, which compresses far better. Anything
 * that must become more transparent needs SOURCE.
 */
function changeBox(planes: Planes, base: Uint8Array, cur: Uint8Array): ChangeBox | null {
  const { width, height, unit, alphaAt, transparent } = planes;
  let minX = width;
  let minY = height;
  let maxX = -1;
  let maxY = -1;
  let overOk = transparent !== null;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      if (samePixel(base, cur, p, unit)) continue;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      maxY = y;
      if (overOk) {
        const a = alphaAt(cur, p);
        overOk = a === 255 || (a > 0 && alphaAt(base, p) === 0);
      }
    }
  }
  if (maxX < 0) return null;
  return { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1, overOk };
}

/** The rectangle that turns canvas `base` into frame `cur`. */
export function deltaRect(
  planes: Planes,
  base: Uint8Array,
  cur: Uint8Array,
  box = changeBox(planes, base, cur),
): FrameRect {
  if (!box) {
    // Nothing changed, but a frame needs at least one pixel: rewrite one pixel as it is.
    return {
      x: 0,
      y: 0,
      width: 1,
      height: 1,
      blendOp: BLEND_SOURCE,
      pixels: copyRect(planes, cur, 0, 0, 1, 1),
    };
  }
  const { x, y, width: w, height: h, overOk } = box;
  const { transparent, unit } = planes;
  const pixels = copyRect(planes, cur, x, y, w, h);
  if (overOk && transparent) {
    for (let r = 0; r < h; r++) {
      for (let c = 0; c < w; c++) {
        const p = (y + r) * planes.width + x + c;
        if (samePixel(base, cur, p, unit)) pixels.set(transparent, (r * w + c) * unit);
      }
    }
  }
  return { x, y, width: w, height: h, blendOp: overOk ? BLEND_OVER : BLEND_SOURCE, pixels };
}

/** `plane` with the rectangle `r` set to the transparent unit (dispose_op BACKGROUND). */
function cleared(planes: Planes, plane: Uint8Array, r: FrameRect, transparent: Uint8Array): Uint8Array {
  const out = plane.slice();
  for (let y = r.y; y < r.y + r.height; y++) {
    for (let x = r.x; x < r.x + r.width; x++) out.set(transparent, (y * planes.width + x) * planes.unit);
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
  let before: Uint8Array = new Uint8Array(frames[0].length);
  if (transparent) for (let p = 0; p < frames[0].length; p += planes.unit) before.set(transparent, p);
  for (let i = 1; i < frames.length; i++) {
    const last = rects[i - 1];
    const options: [number, Uint8Array][] = [[DISPOSE_NONE, frames[i - 1]]];
    if (i > 1) options.push([DISPOSE_PREVIOUS, before]);
    if (transparent) options.push([DISPOSE_BACKGROUND, cleared(planes, frames[i - 1], last, transparent)]);
    const area = (box: ChangeBox | null) => (box ? box.width * box.height : 1);
    let best: { op: number; base: Uint8Array; box: ChangeBox | null } | null = null;
    for (const [op, base] of options) {
      const box = changeBox(planes, base, frames[i]);
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
