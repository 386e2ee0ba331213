import { describe, expect, it } from 'vitest';
import type { RgbaImage } from '../domain/image.ts';
import { drawCharacter } from './characters/index.ts';
import { matte } from './matte.ts';
import { overBackground } from './testing.ts';

type Bg = (x: number, y: number) => readonly number[];

/** IoU of the (alpha ≥ 128) masks of the known foreground and the matte. */
function maskIoU(truth: RgbaImage, result: RgbaImage): number {
  let inter = 0;
  let union = 0;
  for (let i = 3; i < truth.data.length; i += 4) {
    const a = truth.data[i] >= 128;
    const b = result.data[i] >= 128;
    if (a && b) inter++;
    if (a || b) union++;
  }
  return inter / union;
}

/**
 * How much background is still mixed into the colour of edge pixels, as the share t
 * in C ≈ (1 − t)·F + t·B, averaged over partly transparent pixels of the known mask.
 * Leaving the composited colour as-is would score about 1 − alpha (≈ 0.4 here).
 */
function contamination(
  truth: RgbaImage,
  result: RgbaImage,
  bg: Bg,
): { mean: number; naive: number; n: number } {
  let sum = 0;
  let naive = 0;
  let n = 0;
  const composite = overBackground(truth, bg);
  for (let i = 0; i < truth.width * truth.height; i++) {
    const ta = truth.data[i * 4 + 3] / 255;
    if (ta < 0.25 || ta > 0.95 || result.data[i * 4 + 3] < 64) continue;
    const x = i % truth.width;
    const b = bg(x, (i - x) / truth.width);
    let dot = 0;
    let dotNaive = 0;
    let norm = 0;
    for (let c = 0; c < 3; c++) {
      const f = truth.data[i * 4 + c];
      dot += (result.data[i * 4 + c] - f) * (b[c] - f);
      dotNaive += (composite.data[i * 4 + c] - f) * (b[c] - f);
      norm += (b[c] - f) ** 2;
    }
    if (norm < 900) continue; // foreground too close to the background to tell
    sum += dot / norm;
    naive += dotNaive / norm;
    n++;
  }
  return { mean: sum / n, naive: naive / n, n };
}

describe('matte', () => {
  const cat = drawCharacter('cat', '#ffb347', 384);

  it('cuts a character out of a flat background with clean, decontaminated edges', () => {
    const bg: Bg = () => [120, 200, 140];
    const result = matte(overBackground(cat, bg));
    expect(maskIoU(cat, result)).toBeGreaterThanOrEqual(0.97);
    const edge = contamination(cat, result, bg);
    expect(edge.n).toBeGreaterThan(200);
    expect(edge.naive).toBeGreaterThan(0.3);
    expect(edge.mean).toBeLessThan(0.12);
    // The background itself is fully transparent.
    expect(result.data[3]).toBe(0);
    expect(result.data[(384 * 384 - 1) * 4 + 3]).toBe(0);
  });

  it('cuts a character out of a vertical gradient', () => {
    const bg: Bg = (_x, y) => [190 + (65 * y) / 383, 227 - (40 * y) / 383, 255 - (60 * y) / 383];
    const result = matte(overBackground(cat, bg));
    expect(maskIoU(cat, result)).toBeGreaterThanOrEqual(0.9);
    expect(contamination(cat, result, bg).mean).toBeLessThan(0.15);
  });

  it('cuts a character out of a diagonal gradient', () => {
    const blob = drawCharacter('blob', '#7cc6fe', 384);
    const bg: Bg = (x, y) => [250 - (60 * x) / 383, 200 + (50 * y) / 383, 190 + (30 * (x + y)) / 766];
    expect(maskIoU(blob, matte(overBackground(blob, bg)))).toBeGreaterThanOrEqual(0.9);
  });

  it('copes with sensor noise and a character cut off by the bottom border', () => {
    let state = 1;
    const noise = () => {
      state = (state * 1103515245 + 12345) >>> 0;
      return state / 2 ** 32 - 0.5;
    };
    const bear = drawCharacter('bear', '#e0a75e', 384);
    // Shift the bear down so its feet leave the frame, as in a cropped photo.
    const cropped: RgbaImage = { ...bear, data: new Uint8Array(bear.data.length) };
    cropped.data.set(bear.data.subarray(0, bear.data.length - 30 * 384 * 4), 30 * 384 * 4);
    const bg: Bg = (x, y) => [235 - (30 * y) / 384 + noise() * 14, 240 - (10 * x) / 384 + noise() * 14, 250];
    expect(maskIoU(cropped, matte(overBackground(cropped, bg)))).toBeGreaterThanOrEqual(0.97);
  });

  it('keeps white details inside a white character on a white background', () => {
    const snow = drawCharacter('cat', '#f4f1ea', 384);
    const white: Bg = () => [255, 255, 255];
    const result = matte(overBackground(snow, white));
    expect(maskIoU(snow, result)).toBeGreaterThanOrEqual(0.97);
    // Every opaque pixel of the character, white belly and eye highlights included, stays opaque.
    let lost = 0;
    let inside = 0;
    for (let i = 3; i < snow.data.length; i += 4) {
      if (snow.data[i] !== 255) continue;
      inside++;
      if (result.data[i] < 250) lost++;
    }
    expect(lost / inside).toBeLessThan(0.01);
  });

  it('keeps the alpha channel of an image that already has transparency', () => {
    const result = matte(cat);
    expect(Buffer.compare(result.data, cat.data)).toBe(0);
    expect(result.data === cat.data).toBe(false); // a copy, not the caller's buffer
  });

  it('leaves an image alone when its border is not a simple background', () => {
    const noise: RgbaImage = { width: 64, height: 64, data: new Uint8Array(64 * 64 * 4) };
    let s = 7;
    for (let i = 0; i < noise.data.length; i++) {
      s = (s * 1103515245 + 12345) >>> 0;
      noise.data[i] = i % 4 === 3 ? 255 : s >>> 24;
    }
    expect(Buffer.compare(matte(noise).data, noise.data)).toBe(0);
  });

  it('removes everything from a blank opaque image', () => {
    const blank: RgbaImage = { width: 32, height: 32, data: new Uint8Array(32 * 32 * 4).fill(255) };
    const result = matte(blank);
    expect(result.data.every((v) => v === 0)).toBe(true);
  });
});
