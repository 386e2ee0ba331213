/**
 * GIF has one transparent palette index and no partial alpha, so every pixel becomes
 * either fully transparent or fully opaque before quantization.
 *
 * The matte. Discord and Slack each have a dark and a light theme (Discord #313338 and
 * #ffffff, Slack #1a1d21 and #ffffff), so any fixed matte colour is a fringe on one of
 * them: a white matte leaves a pale halo on dark themes, a dark one a shadow on light
 * themes. The default matte is therefore the pixel's own colour ("self"): an edge pixel
 * kept opaque shows the straight colour the artwork has there, which is the character's
 * edge colour on every theme. The cost is a binary (aliased) silhouette, which the
 * 50% threshold places where the anti-aliased edge crosses half coverage.
 */

import { ALPHA_SHIFT } from './palette.remap.ts';

/** `self` keeps each edge pixel's own colour; an RGB triple composites edges over that colour. */
export type Matte = 'self' | readonly [number, number, number];

export interface FlattenOptions {
  /** Pixels with alpha below this become transparent; the rest become opaque (default 128). */
  threshold?: number;
  matte?: Matte;
}

/**
 * Copies of straight-RGBA frames with binary alpha: 0 (colour 0,0,0) or 255. With `into`
 * (at least frames × frame bytes), the copies are views into it instead of new memory.
 */
export function flattenAlpha(
  frames: readonly Uint8Array[],
  opts: FlattenOptions = {},
  into?: Uint8Array,
): Uint8Array[] {
  const threshold = opts.threshold ?? 128;
  const matte = opts.matte ?? 'self';
  return frames.map((src, i) => {
    const out = into ? into.subarray(i * src.length, (i + 1) * src.length) : new Uint8Array(src.length);
    if (matte === 'self') return flattenSelf(src, out, threshold);
    for (let s = 0; s < src.length; s += 4) {
      const a = src[s + 3];
      if (a < threshold || a === 0) {
        out[s] = out[s + 1] = out[s + 2] = out[s + 3] = 0;
        continue;
      }
      const k = a / 255;
      for (let c = 0; c < 3; c++) out[s + c] = Math.round(src[s + c] * k + matte[c] * (1 - k));
      out[s + 3] = 255;
    }
    return out;
  });
}

const ALPHA_MASK = (0xff << ALPHA_SHIFT) >>> 0;

/**
 * The default matte, a word at a time: the pixel's colour with alpha 255, or 0 (a third of
 * the byte-wise loop's time on 128 and 360 px frames). Falls back to bytes when a view is
 * not 4-byte aligned.
 */
function flattenSelf(src: Uint8Array, out: Uint8Array, threshold: number): Uint8Array {
  const cut = Math.max(1, threshold);
  if (src.byteOffset % 4 !== 0 || out.byteOffset % 4 !== 0) {
    for (let s = 0; s < src.length; s += 4) {
      const keep = src[s + 3] >= cut;
      for (let c = 0; c < 3; c++) out[s + c] = keep ? src[s + c] : 0;
      out[s + 3] = keep ? 255 : 0;
    }
    return out;
  }
  const from = new Uint32Array(src.buffer, src.byteOffset, src.length >> 2);
  const to = new Uint32Array(out.buffer, out.byteOffset, out.length >> 2);
  for (let p = 0; p < from.length; p++) {
    const w = from[p];
    to[p] = ((w >>> ALPHA_SHIFT) & 0xff) >= cut ? (w | ALPHA_MASK) >>> 0 : 0;
  }
  return out;
}
