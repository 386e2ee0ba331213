import { describe, expect, it } from 'vitest';
import { describeScale, previewSize } from './preview-size.ts';

describe('previewSize', () => {
  it('enlarges small files by a whole number, with hard pixel edges', () => {
    expect(previewSize(128, 560, 280)).toEqual({ size: 256, pixelated: true });
    expect(previewSize(128, 420, 512)).toEqual({ size: 384, pixelated: true });
  });

  it('shows a file that fits, but not twice, at its own size', () => {
    expect(previewSize(180, 560, 280)).toEqual({ size: 180, pixelated: false });
    expect(previewSize(270, 560, 280)).toEqual({ size: 270, pixelated: false });
    expect(previewSize(512, 600, 512)).toEqual({ size: 512, pixelated: false });
  });

  it('shrinks a large file by a whole factor when that is still big enough', () => {
    expect(previewSize(512, 560, 280)).toEqual({ size: 256, pixelated: false });
    expect(previewSize(360, 560, 280)).toEqual({ size: 180, pixelated: false });
    expect(previewSize(512, 161)).toEqual({ size: 128, pixelated: false });
  });

  it('fills a narrow room rather than shrinking a file to a thumbnail', () => {
    // Half of 180 would be 90 px in a 161 px phone column: fill the column instead.
    expect(previewSize(180, 161)).toEqual({ size: 161, pixelated: false });
  });

  it('never enlarges by a fraction', () => {
    for (const native of [96, 128, 180, 270, 360, 512]) {
      for (const room of [120, 161, 200, 280, 333, 512]) {
        const { size } = previewSize(native, room);
        expect(size <= native ? true : Number.isInteger(size / native)).toBe(true);
        expect(size).toBeLessThanOrEqual(room);
      }
    }
  });
});

describe('describeScale', () => {
  it('names whole multiples and fractions', () => {
    expect(describeScale(180, 180)).toBe('at actual size');
    expect(describeScale(256, 128)).toBe('at 2×');
    expect(describeScale(256, 512)).toBe('at half size');
    expect(describeScale(120, 360)).toBe('at 1/3 size');
    expect(describeScale(161, 180)).toBe('smaller');
  });
});
