/**
 * Touch-ups of a matte by hand: the user clicks a spot and a tolerance flood fill
 * picks the region around it. Erase removes leftover background; restore brings back
 * parts of the original picture the matte removed by mistake. The region is grown
 * through the ORIGINAL picture's colours (what the user recognises), 4-connected,
 * and only through pixels the operation can change, so an erase never spreads into
 * empty canvas and a restore never spreads over what is still there.
 */
import type { RgbaImage } from '../domain/image.ts';
import { scanlineFill } from './flood-fill.ts';

export type TouchUpOp = 'erase' | 'restore';

export interface TouchUp {
  op: TouchUpOp;
  /** The clicked pixel, in the picture's own coordinates. */
  x: number;
  y: number;
  /** Largest difference in any of R, G, B from the clicked pixel's colour, 0–255. */
  tolerance: number;
}

export interface TouchUpResult {
  matte: RgbaImage;
  /** How many pixels changed. */
  pixels: number;
}

/**
 * Applies one touch-up to `matte` (the picture with its background removed, same
 * size as `source`). Returns a new matte; `pixels` is 0 when the clicked spot has
 * nothing the operation could change (erasing where it is already clear).
 */
export function touchUpMatte(source: RgbaImage, matte: RgbaImage, edit: TouchUp): TouchUpResult {
  const { width: w, height: h } = source;
  if (matte.width !== w || matte.height !== h) throw new Error('the matte and the picture differ in size');
  const src = source.data;
  const out = matte.data.slice();
  const seed = edit.y * w + edit.x;
  const [r0, g0, b0] = [src[seed * 4], src[seed * 4 + 1], src[seed * 4 + 2]];
  const tol = edit.tolerance;
  const erase = edit.op === 'erase';
  const taken = new Uint8Array(w * h);
  const open = (i: number) => {
    if (taken[i]) return false;
    const o = i * 4;
    // Erase grows through what is still visible; restore through what lost some of its alpha.
    const changeable = erase ? out[o + 3] > 0 : out[o + 3] < src[o + 3];
    return (
      changeable &&
      Math.abs(src[o] - r0) <= tol &&
      Math.abs(src[o + 1] - g0) <= tol &&
      Math.abs(src[o + 2] - b0) <= tol
    );
  };
  let pixels = 0;
  scanlineFill(w, h, [seed], open, (l, r) => {
    taken.fill(1, l, r + 1);
    pixels += r - l + 1;
    for (let p = l; p <= r; p++) {
      const o = p * 4;
      if (erase) out[o + 3] = 0;
      else out.set(src.subarray(o, o + 4), o);
    }
  });
  return { matte: { width: w, height: h, data: out }, pixels };
}
