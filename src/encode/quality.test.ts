import { describe, expect, it } from 'vitest';
import { psnrRgba, ssimRgba } from './quality.ts';
import { softDisc } from './synthetic.fixtures.ts';

describe('alpha-aware quality', () => {
  it('scores identical images as perfect and ignores colour under full transparency', () => {
    const a = softDisc(64, 4);
    const b = a.slice();
    for (let s = 0; s < b.length; s += 4) if (b[s + 3] === 0) b.set([255, 255, 255, 0], s);
    expect(psnrRgba(a, b)).toBe(99);
    expect(ssimRgba(a, b, 64, 64)).toBeCloseTo(1, 10);
  });

  it('penalises a dark fringe on the edge', () => {
    const a = softDisc(64, 4);
    const fringe = a.slice();
    for (let s = 0; s < fringe.length; s += 4) {
      if (fringe[s + 3] > 0 && fringe[s + 3] < 255) fringe.set([20, 20, 20, 255], s);
    }
    expect(psnrRgba(a, fringe)).toBeLessThan(30);
    expect(ssimRgba(a, fringe, 64, 64)).toBeLessThan(0.95);
  });
});
