/**
 * Places a cut-out character on PopCon's working canvas in a fixed layout, so every
 * action can rely on where the feet and the head are: feet on a baseline 6% above the
 * bottom, 22% headroom above for effects, centred horizontally.
 */
import type { RgbaImage } from '../domain/image.ts';
import { blankImage } from '../domain/image.ts';
import { alphaBounds, crop } from './raster.ts';
import { resizeRgba } from './resample.ts';

/** Where a normalised cut-out sits on its canvas, as shares of the canvas size. */
export const LAYOUT = {
  /** Share of the canvas above the head, kept free for effects. */
  headroom: 0.22,
  /** Share of the canvas below the feet. */
  footroom: 0.06,
  /** Share of the canvas kept free on each side. */
  side: 0.06,
} as const;

/** Alpha above this is "visible": faint matte noise must not stretch the bounding box. */
const VISIBLE = 8;

/** Trims an image to its visible character and fits it into a `size`×`size` canvas in the standard layout. */
export function normalizeCutout(img: RgbaImage, size = 512): RgbaImage {
  const box = alphaBounds(img, VISIBLE);
  if (!box) throw new Error('the image has no visible character after background removal');
  const bw = box.right - box.left;
  const bh = box.bottom - box.top;
  const availH = size * (1 - LAYOUT.headroom - LAYOUT.footroom);
  const availW = size * (1 - 2 * LAYOUT.side);
  const scale = Math.min(availH / bh, availW / bw);
  const w = Math.max(1, Math.round(bw * scale));
  const h = Math.max(1, Math.round(bh * scale));
  const resized = resizeRgba(crop(img, box), w, h);
  const out = blankImage(size, size);
  const left = Math.round((size - w) / 2);
  const topY = Math.round(size * (1 - LAYOUT.footroom)) - h;
  for (let y = 0; y < h; y++) {
    out.data.set(resized.data.subarray(y * w * 4, (y + 1) * w * 4), ((topY + y) * size + left) * 4);
  }
  return out;
}
