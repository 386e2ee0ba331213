import { describe, expect, it } from 'vitest';
import { resizeFrames } from './frames.resize.ts';
import { SOFT_RED, softDisc } from './synthetic.fixtures.ts';

describe('resizeFrames', () => {
  it('scales with premultiplied alpha: faint edge pixels keep the colour, not the transparent black', async () => {
    const big = softDisc(512, 24);
    const { frames, width, height } = await resizeFrames(
      { width: 512, height: 512, frames: [big], durationMs: 100 },
      128,
      128,
    );
    expect([width, height]).toEqual([128, 128]);
    let edge = 0;
    for (let p = 0; p < 128 * 128; p++) {
      const a = frames[0][p * 4 + 3];
      if (a < 32 || a === 255) continue;
      edge++;
      // Unpremultiplying 8-bit values costs a few levels at low alpha; straight-alpha
      // resampling would have pulled these pixels halfway to black.
      for (let c = 0; c < 3; c++)
        expect(Math.abs(frames[0][p * 4 + c] - SOFT_RED[c])).toBeLessThanOrEqual(12);
    }
    expect(edge).toBeGreaterThan(50);
  });

  it('scales a repeated frame once and gives every repeat the same pixels', async () => {
    const a = softDisc(64, 4);
    const b = softDisc(64, 8);
    const seq = { width: 64, height: 64, frames: [a, b, a.slice(), b], durationMs: 400 };
    const { frames } = await resizeFrames(seq, 32, 32);
    const one = await resizeFrames({ ...seq, frames: [b] }, 32, 32);
    expect(frames[2]).toBe(frames[0]);
    expect(frames[3]).toBe(frames[1]);
    expect(frames[0]).not.toEqual(frames[1]);
    expect(Buffer.from(frames[1]).equals(Buffer.from(one.frames[0]))).toBe(true);
  });

  it('returns the sequence as it is when it already has the size', async () => {
    const seq = { width: 4, height: 4, frames: [new Uint8Array(64)], durationMs: 100 };
    expect(await resizeFrames(seq, 4, 4)).toBe(seq);
  });
});
