import { describe, expect, it } from 'vitest';
import type { RgbaImage } from '../domain/image.ts';
import { touchUpMatte } from './matte-touchup.ts';

/** A 20×10 picture: left half grey (120), right half a blue region with a darker blue stripe at x = 15. */
function picture(): RgbaImage {
  const w = 20;
  const h = 10;
  const data = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const o = (y * w + x) * 4;
      const rgb = x < 10 ? [120, 120, 120] : x === 15 ? [20, 40, 150] : [40, 60, 200];
      data.set([...rgb, 255], o);
    }
  }
  return { width: w, height: h, data };
}

const alphaAt = (img: RgbaImage, x: number, y: number) => img.data[(y * img.width + x) * 4 + 3];

describe('touchUpMatte', () => {
  it('erases the connected region of similar colour around the click, and nothing else', () => {
    const src = picture();
    const { matte, pixels } = touchUpMatte(src, src, { op: 'erase', x: 12, y: 5, tolerance: 10 });
    // The blue region left of the stripe: x 10..14, every row. The stripe stops the fill.
    expect(pixels).toBe(5 * 10);
    expect(alphaAt(matte, 12, 0)).toBe(0);
    expect(alphaAt(matte, 14, 9)).toBe(0);
    expect(alphaAt(matte, 15, 5)).toBe(255);
    expect(alphaAt(matte, 17, 5)).toBe(255);
    expect(alphaAt(matte, 5, 5)).toBe(255);
  });

  it('spreads across a small colour step when the tolerance allows it', () => {
    const src = picture();
    const { pixels } = touchUpMatte(src, src, { op: 'erase', x: 12, y: 5, tolerance: 60 });
    expect(pixels).toBe(10 * 10);
  });

  it('restores only what the matte had removed, with the picture’s own pixels', () => {
    const src = picture();
    const erased = touchUpMatte(src, src, { op: 'erase', x: 3, y: 3, tolerance: 0 }).matte;
    const { matte, pixels } = touchUpMatte(src, erased, { op: 'restore', x: 0, y: 0, tolerance: 0 });
    expect(pixels).toBe(10 * 10);
    expect(Buffer.compare(Buffer.from(matte.data), Buffer.from(src.data))).toBe(0);
  });

  it('changes nothing where there is nothing to change', () => {
    const src = picture();
    const erased = touchUpMatte(src, src, { op: 'erase', x: 3, y: 3, tolerance: 0 }).matte;
    expect(touchUpMatte(src, erased, { op: 'erase', x: 3, y: 3, tolerance: 255 }).pixels).toBe(0);
    expect(touchUpMatte(src, src, { op: 'restore', x: 3, y: 3, tolerance: 255 }).pixels).toBe(0);
  });

  it('leaves the matte it was given untouched', () => {
    const src = picture();
    const before = Buffer.from(src.data);
    touchUpMatte(src, src, { op: 'erase', x: 12, y: 5, tolerance: 10 });
    expect(Buffer.compare(Buffer.from(src.data), before)).toBe(0);
  });
});
