import { describe, expect, it } from 'vitest';
import { blankImage, type RgbaImage } from '../domain/image.ts';
import { normalizeCutout } from './cutout.ts';
import { matte } from './matte.ts';
import { alphaBounds } from './raster.ts';

/** A red disc on transparency whose transparent pixels hold green: a fringe would show it. */
function disc(w: number, h: number, cx: number, cy: number, r: number): RgbaImage {
  const img = blankImage(w, h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = (y * w + x) * 4;
      const a = Math.max(0, Math.min(1, r - Math.hypot(x + 0.5 - cx, y + 0.5 - cy) + 0.5));
      img.data.set(a > 0 ? [230, 40, 40, Math.round(a * 255)] : [0, 255, 0, 0], p);
    }
  }
  return img;
}

describe('normalizeCutout', () => {
  it('fits the character between the headroom and the baseline, centred', () => {
    const out = normalizeCutout(disc(300, 200, 70, 60, 40));
    expect(out.width).toBe(512);
    expect(out.height).toBe(512);
    const box = alphaBounds(out, 8)!;
    expect(Math.abs(box.bottom - 512 * 0.94)).toBeLessThanOrEqual(2);
    expect(Math.abs(box.top - 512 * 0.22)).toBeLessThanOrEqual(2);
    expect(Math.abs((box.left + box.right) / 2 - 256)).toBeLessThanOrEqual(1.5);
  });

  it('fits a wide character by width, keeping its feet on the baseline', () => {
    const wide = blankImage(400, 100);
    for (let y = 20; y < 80; y++)
      for (let x = 10; x < 390; x++) wide.data.set([20, 90, 200, 255], (y * 400 + x) * 4);
    const box = alphaBounds(normalizeCutout(wide, 256), 8)!;
    expect(box.left).toBeGreaterThanOrEqual(256 * 0.05);
    expect(box.right).toBeLessThanOrEqual(256 * 0.95);
    expect(Math.abs(box.bottom - 256 * 0.94)).toBeLessThanOrEqual(2);
  });

  it('resamples on premultiplied colour, so hidden colour never leaks into the edge', () => {
    const out = normalizeCutout(disc(1000, 1000, 500, 500, 300), 128);
    for (let i = 0; i < out.data.length; i += 4) {
      if (out.data[i + 3] > 8) expect(out.data[i + 1]).toBeLessThan(60);
    }
  });

  it('throws a clear error when nothing is left after background removal', () => {
    const white: RgbaImage = { width: 40, height: 40, data: new Uint8Array(40 * 40 * 4).fill(255) };
    expect(() => normalizeCutout(matte(white))).toThrow(
      'the image has no visible character after background removal',
    );
    expect(() => normalizeCutout(blankImage(10, 10))).toThrow(/no visible character/);
  });
});
