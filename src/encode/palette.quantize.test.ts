import { describe, expect, it } from 'vitest';
import { quantizeFrames } from './palette.quantize.ts';
import { remapFrames } from './palette.remap.ts';
import { emojiFrames, fillRect } from './synthetic.fixtures.ts';

describe('quantizeFrames', () => {
  it('keeps every colour exactly when there are few, with the transparent entry first', async () => {
    const img = new Uint8Array(4 * 4 * 4);
    fillRect(img, 4, 0, 0, 2, 2, [255, 0, 0, 255]);
    fillRect(img, 4, 2, 2, 2, 2, [0, 0, 255, 100]);
    const q = await quantizeFrames([img], 4, 4, 256, 1);
    expect(q.count).toBe(3);
    expect(q.transparentIndex).toBe(0);
    expect(q.alphaCount).toBe(2);
    expect(Array.from(q.palette.subarray(0, 8))).toEqual([0, 0, 0, 0, 0, 0, 255, 100]);
    expect(Array.from(q.frames[0])).toEqual([2, 2, 0, 0, 2, 2, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1]);
  });

  it('uses at most the requested number of colours and maps opaque pixels to opaque entries', async () => {
    const seq = emojiFrames(90, 90, 4);
    for (const colors of [256, 64, 16, 2]) {
      const q = await quantizeFrames(seq.frames, 90, 90, colors, 1);
      expect(q.count).toBeLessThanOrEqual(colors);
      const translucentOpaque = seq.frames.some((src, f) =>
        q.frames[f].some((idx, p) => src[p * 4 + 3] === 255 && q.palette[idx * 4 + 3] !== 255),
      );
      expect(translucentOpaque).toBe(false);
      const visibleTransparent = seq.frames.some((src, f) =>
        q.frames[f].some((idx, p) => (src[p * 4 + 3] === 0) !== (idx === q.transparentIndex)),
      );
      expect(visibleTransparent).toBe(false);
    }
  });

  it('gives unchanged pixels the same index in every frame, even when dithering', async () => {
    const seq = emojiFrames(90, 90, 2);
    const still = [seq.frames[0], seq.frames[0].slice()];
    fillRect(still[1], 90, 0, 0, 3, 3, [255, 255, 255, 255]);
    const q = await quantizeFrames(still, 90, 90, 32, 1);
    let changed = 0;
    for (let p = 0; p < 90 * 90; p++) if (q.frames[0][p] !== q.frames[1][p]) changed++;
    expect(changed).toBeLessThanOrEqual(9);
  });

  it('without dithering maps each pixel as the pixel-by-pixel mapping would, over 20K colours', async () => {
    // A gradient of 20,736 distinct colours, some translucent, with transparent corners:
    // the histogram's tables grow several times before the palette is chosen.
    const w = 144;
    const frames = [0, 1].map((shift) => {
      const img = new Uint8Array(w * w * 4);
      for (let y = 0; y < w; y++) {
        for (let x = 0; x < w; x++) {
          const s = (y * w + x) * 4;
          const corner = x < 8 && y < 8;
          img.set([x + shift, y, (x * 7 + y * 3) & 0xff, corner ? 0 : y > 130 ? 128 : 255], s);
        }
      }
      return img;
    });
    const q = await quantizeFrames(frames, w, w, 256, 0);
    const palette = { rgba: q.palette, count: q.count };
    const expected = remapFrames(frames, w, w, palette, q.transparentIndex, 0);
    expect(q.frames.map((f) => Array.from(f))).toEqual(expected.map((f) => Array.from(f)));
    expect(q.frames[0][0]).toBe(q.transparentIndex);
  });
});
