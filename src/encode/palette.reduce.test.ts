import { describe, expect, it } from 'vitest';
import { reducePalette } from './palette.reduce.ts';

const quads = (p: Uint8Array) =>
  Array.from({ length: p.length / 4 }, (_, i) => Array.from(p.subarray(i * 4, i * 4 + 4)));

describe('reducePalette', () => {
  it('merges the closest, lightest pair first into their weighted mean', () => {
    const palette = Uint8Array.from([0, 0, 0, 255, 10, 0, 0, 255, 200, 200, 200, 255]);
    const out = quads(reducePalette(palette, [3, 1, 5], 2));
    expect(out).toEqual([
      [3, 0, 0, 255],
      [200, 200, 200, 255],
    ]);
  });

  it('never blends an opaque entry with a translucent one while other merges remain', () => {
    const palette = Uint8Array.from([
      100, 100, 100, 255, 100, 100, 100, 250, 0, 0, 0, 255, 255, 255, 255, 40,
    ]);
    const out = quads(reducePalette(palette, [1, 1, 1, 1], 2));
    expect(out.map((q) => q[3] === 255)).toEqual([true, false]);
  });

  it('lets the heavier entry win when only one entry of each kind is left', () => {
    const palette = Uint8Array.from([10, 20, 30, 255, 90, 90, 90, 128]);
    expect(quads(reducePalette(palette, [5, 1], 1))).toEqual([[10, 20, 30, 255]]);
  });
});
