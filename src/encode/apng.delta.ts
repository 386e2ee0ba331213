/**
 * Inter-frame deltas: each frame after the first is stored as the bounding rectangle of
 * the pixels that changed, composed onto the previous frame with dispose_op NONE.
 */
import { BLEND_OVER, BLEND_SOURCE } from './apng.compose.ts';

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

/**
 * The rectangle for frame `i` (> 0). OVER is used when it reproduces every changed pixel
 * exactly — the new pixel is opaque, or it is visible and lands on a fully transparent one —
 * because then unchanged pixels can be written as the transparent unit, which compresses
 * far better. Anything that must become more transparent needs SOURCE.
 */
export function deltaRect(planes: Planes, i: number): FrameRect {
  const { width, height, unit, alphaAt, transparent } = planes;
  const prev = planes.frames[i - 1];
  const cur = planes.frames[i];
  let minX = width;
  let minY = height;
  let maxX = -1;
  let maxY = -1;
  let overOk = transparent !== null;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      if (samePixel(prev, cur, p, unit)) continue;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      maxY = y;
      if (overOk) {
        const a = alphaAt(cur, p);
        overOk = a === 255 || (a > 0 && alphaAt(prev, p) === 0);
      }
    }
  }
  if (maxX < 0) {
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
  const w = maxX - minX + 1;
  const h = maxY - minY + 1;
  const pixels = copyRect(planes, cur, minX, minY, w, h);
  if (overOk && transparent) {
    for (let r = 0; r < h; r++) {
      for (let c = 0; c < w; c++) {
        const p = (minY + r) * width + minX + c;
        if (samePixel(prev, cur, p, unit)) pixels.set(transparent, (r * w + c) * unit);
      }
    }
  }
  return { x: minX, y: minY, width: w, height: h, blendOp: overOk ? BLEND_OVER : BLEND_SOURCE, pixels };
}

/** The whole first frame, which is also the PNG's default image. */
export function fullRect(planes: Planes): FrameRect {
  const { width, height, frames } = planes;
  return { x: 0, y: 0, width, height, blendOp: BLEND_SOURCE, pixels: frames[0] };
}
