/**
 * APNG canvas composition: places decoded frame rectangles onto the canvas with
 * blend_op SOURCE/OVER and applies dispose_op NONE/BACKGROUND/PREVIOUS afterwards.
 */
import { ALPHA_SHIFT, words } from './palette.remap.ts';

/** fcTL dispose_op and blend_op values. */
export const DISPOSE_NONE = 0;
export const DISPOSE_BACKGROUND = 1;
export const DISPOSE_PREVIOUS = 2;
export const BLEND_SOURCE = 0;
export const BLEND_OVER = 1;

/** One frame's placement, as stored in its fcTL chunk. */
export interface FrameControl {
  width: number;
  height: number;
  x: number;
  y: number;
  delayNum: number;
  delayDen: number;
  disposeOp: number;
  blendOp: number;
}

/**
 * Straight-alpha "source over destination" for one pixel whose source is translucent over
 * a canvas pixel that is not empty, as the libpng APNG patch computes it (blendRect takes
 * the transparent, opaque and over-nothing cases a word at a time).
 */
function blendOver(canvas: Uint8Array, o: number, src: Uint8Array, s: number): void {
  const sa = src[s + 3];
  const u = sa * 255;
  const v = (255 - sa) * canvas[o + 3];
  const al = u + v;
  for (let c = 0; c < 3; c++) canvas[o + c] = Math.round((src[s + c] * u + canvas[o + c] * v) / al);
  canvas[o + 3] = Math.round(al / 255);
}

/**
 * OVER for a whole rectangle, a pixel at a time as RGBA words: a transparent source pixel
 * leaves the canvas as it is and an opaque one (or one over nothing) replaces it, which is
 * nearly every pixel of a delta frame; only the rest are blended channel by channel.
 */
function blendRect(canvas: Uint8Array, canvasWidth: number, fc: FrameControl, src: Uint8Array): void {
  const dst = words(canvas);
  const from = words(src);
  for (let y = 0; y < fc.height; y++) {
    const row = (fc.y + y) * canvasWidth + fc.x;
    for (let x = 0, s = y * fc.width; x < fc.width; x++, s++) {
      const px = from[s];
      const sa = (px >>> ALPHA_SHIFT) & 0xff;
      if (sa === 0) continue;
      const o = row + x;
      if (sa === 255 || ((dst[o] >>> ALPHA_SHIFT) & 0xff) === 0) dst[o] = px;
      else blendOver(canvas, o * 4, src, s * 4);
    }
  }
}

/** Copies a `fc.width`×`fc.height` RGBA rectangle out of (or into) a canvas row by row. */
function copyRect(canvas: Uint8Array, canvasWidth: number, fc: FrameControl, rect: Uint8Array, out: boolean) {
  const rowLen = fc.width * 4;
  for (let y = 0; y < fc.height; y++) {
    const at = ((fc.y + y) * canvasWidth + fc.x) * 4;
    if (out) rect.set(canvas.subarray(at, at + rowLen), y * rowLen);
    else canvas.set(rect.subarray(y * rowLen, (y + 1) * rowLen), at);
  }
}

/**
 * Composes frames in order and hands `visit` the canvas after each one. The canvas is the
 * composer's own and changes after the call: a caller keeps a copy of what it needs.
 * `rectOf(i)` is frame i's own rectangle as straight RGBA, asked for when it is drawn.
 */
export function composeEach(
  width: number,
  height: number,
  controls: readonly FrameControl[],
  rectOf: (index: number) => Uint8Array,
  visit: (canvas: Uint8Array, index: number) => void,
): void {
  const canvas = new Uint8Array(width * height * 4);
  controls.forEach((fc, i) => {
    const src = rectOf(i);
    // The spec treats PREVIOUS on the first frame as BACKGROUND; the saved region is blank then anyway.
    const saved = fc.disposeOp === DISPOSE_PREVIOUS ? new Uint8Array(fc.width * fc.height * 4) : null;
    if (saved) copyRect(canvas, width, fc, saved, true);
    if (fc.blendOp === BLEND_SOURCE) copyRect(canvas, width, fc, src, false);
    else blendRect(canvas, width, fc, src);
    visit(canvas, i);
    if (saved) copyRect(canvas, width, fc, saved, false);
    else if (fc.disposeOp === DISPOSE_BACKGROUND) {
      copyRect(canvas, width, fc, new Uint8Array(fc.width * fc.height * 4), false);
    }
  });
}
