/**
 * High-quality image resizing for cut-outs. Filtering happens on premultiplied
 * colour so transparent pixels (whose colour is arbitrary) never bleed into the
 * visible edge: resizing straight RGBA leaves dark or coloured fringes.
 */
import type { RgbaImage } from '../domain/image.ts';

/** Lanczos with a = 2: sharper than a tent, with less ringing around thick outlines than a = 3. */
const LOBES = 2;

function lanczos(x: number): number {
  if (x === 0) return 1;
  if (x <= -LOBES || x >= LOBES) return 0;
  const px = Math.PI * x;
  return (LOBES * Math.sin(px) * Math.sin(px / LOBES)) / (px * px);
}

interface Taps {
  start: Int32Array;
  count: Int32Array;
  weights: Float32Array;
  stride: number;
}

/** Precomputes normalised filter taps for one axis (as Pillow does). */
function taps(srcSize: number, dstSize: number): Taps {
  const scale = srcSize / dstSize;
  // When shrinking, widen the kernel so every source pixel contributes (anti-aliasing).
  const support = LOBES * Math.max(1, scale);
  const filterScale = Math.max(1, scale);
  const stride = Math.ceil(support) * 2 + 1;
  const start = new Int32Array(dstSize);
  const count = new Int32Array(dstSize);
  const weights = new Float32Array(dstSize * stride);
  for (let i = 0; i < dstSize; i++) {
    const centre = (i + 0.5) * scale;
    const lo = Math.max(0, Math.floor(centre - support));
    const hi = Math.min(srcSize, Math.ceil(centre + support));
    let sum = 0;
    const n = Math.min(stride, hi - lo);
    for (let k = 0; k < n; k++) {
      const w = lanczos((lo + k + 0.5 - centre) / filterScale);
      weights[i * stride + k] = w;
      sum += w;
    }
    if (sum !== 0) for (let k = 0; k < n; k++) weights[i * stride + k] /= sum;
    start[i] = lo;
    count[i] = n;
  }
  return { start, count, weights, stride };
}

/** Resizes a straight-RGBA image to `width`×`height` with premultiplied Lanczos filtering. */
export function resizeRgba(img: RgbaImage, width: number, height: number): RgbaImage {
  const sw = img.width;
  const sh = img.height;
  const src = img.data;
  const pre = new Float32Array(sw * sh * 4);
  for (let i = 0; i < sw * sh * 4; i += 4) {
    const a = src[i + 3] / 255;
    pre[i] = src[i] * a;
    pre[i + 1] = src[i + 1] * a;
    pre[i + 2] = src[i + 2] * a;
    pre[i + 3] = src[i + 3];
  }
  // Horizontal pass: sh rows of `width` pixels.
  const h = taps(sw, width);
  const mid = new Float32Array(width * sh * 4);
  for (let y = 0; y < sh; y++) {
    const row = y * sw * 4;
    for (let x = 0; x < width; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      const base = x * h.stride;
      let p = row + h.start[x] * 4;
      for (let k = 0; k < h.count[x]; k++, p += 4) {
        const w = h.weights[base + k];
        r += pre[p] * w;
        g += pre[p + 1] * w;
        b += pre[p + 2] * w;
        a += pre[p + 3] * w;
      }
      const o = (y * width + x) * 4;
      mid[o] = r;
      mid[o + 1] = g;
      mid[o + 2] = b;
      mid[o + 3] = a;
    }
  }
  // Vertical pass, then un-premultiply and clamp (Lanczos lobes can overshoot).
  const v = taps(sh, height);
  const out = new Uint8Array(width * height * 4);
  const rowLen = width * 4;
  for (let y = 0; y < height; y++) {
    const base = y * v.stride;
    for (let x = 0; x < width; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      let p = v.start[y] * rowLen + x * 4;
      for (let k = 0; k < v.count[y]; k++, p += rowLen) {
        const w = v.weights[base + k];
        r += mid[p] * w;
        g += mid[p + 1] * w;
        b += mid[p + 2] * w;
        a += mid[p + 3] * w;
      }
      const o = (y * width + x) * 4;
      if (a < 0.5) continue;
      const alpha = Math.min(255, a);
      const k = 1 / (alpha / 255);
      out[o] = Math.max(0, Math.min(255, Math.round(r * k)));
      out[o + 1] = Math.max(0, Math.min(255, Math.round(g * k)));
      out[o + 2] = Math.max(0, Math.min(255, Math.round(b * k)));
      out[o + 3] = Math.round(alpha);
    }
  }
  return { width, height, data: out };
}
