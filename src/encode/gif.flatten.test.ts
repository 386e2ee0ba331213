import { describe, expect, it } from 'vitest';
import { flattenAlpha } from './gif.flatten.ts';

// Four pixels: opaque, half-covered edge, faint edge, invisible (with stray colour).
const PIXELS = [200, 100, 50, 255, 10, 20, 30, 128, 90, 90, 90, 127, 7, 8, 9, 0];

describe('flattenAlpha', () => {
  it('keeps each kept pixel’s own colour by default and clears the rest to 0,0,0,0', () => {
    const [out] = flattenAlpha([Uint8Array.from(PIXELS)]);
    expect(Array.from(out)).toEqual([200, 100, 50, 255, 10, 20, 30, 255, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('gives the same bytes from a view that is not 4-byte aligned, and writes into `into`', () => {
    const backing = new Uint8Array(PIXELS.length + 1);
    backing.set(PIXELS, 1);
    const into = new Uint8Array(PIXELS.length);
    const [out] = flattenAlpha([backing.subarray(1)], { threshold: 10 }, into);
    expect(out.buffer).toBe(into.buffer);
    expect(Array.from(out)).toEqual([200, 100, 50, 255, 10, 20, 30, 255, 90, 90, 90, 255, 0, 0, 0, 0]);
  });

  it('composites kept edges over an RGB matte', () => {
    const [out] = flattenAlpha([Uint8Array.from(PIXELS)], { matte: [255, 255, 255] });
    expect(Array.from(out.subarray(0, 8))).toEqual([200, 100, 50, 255, 132, 137, 142, 255]);
  });

  it('treats threshold 0 as "only invisible pixels go"', () => {
    const [out] = flattenAlpha([Uint8Array.from(PIXELS)], { threshold: 0 });
    expect(Array.from(out.subarray(8))).toEqual([90, 90, 90, 255, 0, 0, 0, 0]);
  });
});
