import { describe, expect, it } from 'vitest';
import type { RgbaImage } from '../domain/image.ts';
import { drawCharacter } from './characters/index.ts';
import {
  BACKGROUND_KINDS,
  type BackgroundKind,
  contamination,
  type MatteCase,
  maskIoU,
  matteSet,
  untouchedShare,
} from './matte.fixtures.ts';
import { matte } from './matte.ts';
import { overBackground } from './testing.ts';

type Bg = (x: number, y: number) => readonly number[];

interface Score {
  iou: number;
  halo: number;
  haloPixels: number;
  untouched: number;
}

/** Mattes every case of the synthetic set once and scores it against its true mask. */
function scoreSet(): Map<BackgroundKind, Score[]> {
  const scores = new Map<BackgroundKind, Score[]>(BACKGROUND_KINDS.map((k) => [k, []]));
  for (const c of matteSet(384) as MatteCase[]) {
    const result = matte(c.input);
    const halo = contamination(c.truth, result, c.background);
    scores.get(c.kind)!.push({
      iou: maskIoU(c.truth, result),
      halo: halo.mean,
      haloPixels: halo.n,
      untouched: untouchedShare(c.input, result),
    });
  }
  return scores;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('matte on the synthetic set (every character over each kind of background)', () => {
  const scores = scoreSet();
  const summary = (kind: BackgroundKind) => {
    const s = scores.get(kind)!;
    // Cases where the outline matches the background have no measurable edge pixels.
    const measured = s.filter((x) => x.haloPixels > 50);
    return {
      minIoU: Math.min(...s.map((x) => x.iou)),
      meanIoU: mean(s.map((x) => x.iou)),
      halo: measured.length ? mean(measured.map((x) => x.halo)) : 0,
      untouched: Math.min(...s.map((x) => x.untouched)),
    };
  };
  for (const kind of BACKGROUND_KINDS) {
    const s = summary(kind);
    console.info(
      `matte ${kind}: min IoU ${s.minIoU.toFixed(4)}, mean IoU ${s.meanIoU.toFixed(4)}, edge contamination ${s.halo.toFixed(3)}`,
    );
  }

  it('cuts every character out of flat backgrounds (IoU ≥ 0.97) without a halo', () => {
    const s = summary('flat');
    expect(s.minIoU).toBeGreaterThanOrEqual(0.97);
    expect(s.halo).toBeLessThan(0.05);
  });

  it('cuts every character out of gradients (IoU ≥ 0.90) without a halo', () => {
    const s = summary('gradient');
    expect(s.minIoU).toBeGreaterThanOrEqual(0.9);
    expect(s.halo).toBeLessThan(0.05);
  });

  it('copes with grain on the background (±12 levels per pixel)', () => {
    const s = summary('noisy');
    expect(s.minIoU).toBeGreaterThanOrEqual(0.95);
    expect(s.halo).toBeLessThan(0.08);
  });

  it('leaves an image with a busy background exactly as it was rather than cutting badly', () => {
    expect(summary('busy').untouched).toBe(1);
  });
});

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

  it('removes the background showing through the gap between a tail and a body', () => {
    const white: Bg = () => [255, 255, 255];
    const result = matte(overBackground(cat, white));
    // Label the truly transparent regions; the largest one not touching the border is the gap.
    const label = new Int32Array(384 * 384);
    const regions: { pixels: number[]; border: boolean }[] = [];
    for (let s = 0; s < label.length; s++) {
      if (label[s] || cat.data[s * 4 + 3] > 0) continue;
      const region = { pixels: [s], border: false };
      label[s] = regions.push(region);
      for (let k = 0; k < region.pixels.length; k++) {
        const i = region.pixels[k];
        const x = i % 384;
        if (x === 0 || x === 383 || i < 384 || i >= 384 * 383) region.border = true;
        for (const j of [x > 0 ? i - 1 : -1, x < 383 ? i + 1 : -1, i - 384, i + 384]) {
          if (j < 0 || j >= label.length || label[j] || cat.data[j * 4 + 3] > 0) continue;
          label[j] = label[s];
          region.pixels.push(j);
        }
      }
    }
    const gap = regions.filter((r) => !r.border).sort((a, b) => b.pixels.length - a.pixels.length)[0];
    expect(gap.pixels.length).toBeGreaterThan(300);
    const cleared = gap.pixels.filter((i) => result.data[i * 4 + 3] < 128).length;
    expect(cleared / gap.pixels.length).toBeGreaterThan(0.95);
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
