import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { FrameSequence } from '../domain/image.ts';
import { decodeGif } from './gif.decoder.ts';
import { encodeGif } from './gif.encoder.ts';
import {
  EDGE_SPOTS,
  edgeSpotFrames,
  emojiFrames,
  fillRect,
  SOFT_RED as RED,
  softDisc,
} from './synthetic.fixtures.ts';

/** A blue square walking right over transparency, with a green dot: three colours, pixels uncovered every frame. */
function walkingSquare(): FrameSequence {
  const frames = Array.from({ length: 6 }, (_, f) => {
    const img = new Uint8Array(32 * 32 * 4);
    fillRect(img, 32, 2 + f * 4, 8, 10, 10, [20, 40, 220, 255]);
    fillRect(img, 32, 4 + f * 4, 10, 2, 2, [30, 200, 60, 255]);
    return img;
  });
  return { width: 32, height: 32, frames, durationMs: 600 };
}

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

describe('encodeGif', () => {
  it('decodes to the source exactly when it has few colours, and libvips agrees', async () => {
    const seq = walkingSquare();
    const gif = await encodeGif(seq);
    const ours = decodeGif(gif);
    expect(ours.frames.map((f, i) => same(f.rgba, seq.frames[i]))).toEqual(seq.frames.map(() => true));
    const libvips = await sharp(gif, { pages: -1 }).ensureAlpha().raw().toBuffer();
    seq.frames.forEach((f, i) => {
      expect(same(libvips.subarray(i * f.length, (i + 1) * f.length), f)).toBe(true);
    });
  });

  it('clears pixels a moving shape uncovers with disposal 2 only where needed', async () => {
    const gif = decodeGif(await encodeGif(walkingSquare()));
    expect(gif.frames.map((f) => f.disposal)).toEqual([2, 2, 2, 2, 2, 2]);
    const still = { ...walkingSquare(), frames: Array(4).fill(walkingSquare().frames[0]) };
    const stillGif = decodeGif(await encodeGif(still));
    expect(stillGif.frames.map((f) => f.disposal)).toEqual([1, 1, 1, 1]);
    expect(stillGif.frames.slice(1).map((f) => f.width * f.height)).toEqual([1, 1, 1]);
  });

  it('finds single changed and uncovered pixels at row ends and word boundaries (width 37)', async () => {
    // The delta planner compares four indices at a time; a spot at the first or last pixel
    // of a row, or either side of a word boundary, must still be drawn and later cleared.
    const { width: w, height: h } = EDGE_SPOTS;
    const base = new Uint8Array(w * h * 4);
    fillRect(base, w, 10, 2, 12, 5, [20, 40, 220, 255]);
    const seq = edgeSpotFrames(base, 700);
    const gif = decodeGif(await encodeGif(seq));
    expect(gif.frames.map((f, i) => same(f.rgba, seq.frames[i]))).toEqual(seq.frames.map(() => true));
  });

  it('spreads the loop time over centisecond delays that add up to it', async () => {
    const gif = decodeGif(await encodeGif(emojiFrames(32, 32, 16, 2000)));
    const delays = gif.frames.map((f) => f.delayCs);
    expect(delays.reduce((a, b) => a + b)).toBe(200);
    expect(new Set(delays)).toEqual(new Set([12, 13]));
  });

  it('loops forever by default and writes no loop block for a single play', async () => {
    const seq = emojiFrames(32, 32, 4, 400);
    expect(decodeGif(await encodeGif(seq)).loopCount).toBe(0);
    expect(decodeGif(await encodeGif(seq, { loopCount: -1 })).loopCount).toBeNull();
  });

  it('shows a soft-edged disc without a dark or white fringe', async () => {
    const size = 96;
    const source = softDisc(size, 6);
    const gif = decodeGif(
      await encodeGif({ width: size, height: size, frames: [source, source.slice()], durationMs: 200 }),
    );
    const shown = gif.frames[0].rgba;
    let edgePixels = 0;
    for (let p = 0; p < size * size; p++) {
      const a = source[p * 4 + 3];
      if (a === 0 || a === 255) continue;
      // Half-covered and more stays visible, less becomes transparent: the silhouette is kept.
      expect(shown[p * 4 + 3]).toBe(a >= 128 ? 255 : 0);
      if (shown[p * 4 + 3] === 0) continue;
      edgePixels++;
      for (let c = 0; c < 3; c++) expect(Math.abs(shown[p * 4 + c] - RED[c])).toBeLessThanOrEqual(4);
    }
    expect(edgePixels).toBeGreaterThan(100);
  });

  it('composites edges over an explicit RGB matte when asked', async () => {
    const size = 64;
    const source = softDisc(size, 6);
    const gif = decodeGif(
      await encodeGif({ width: size, height: size, frames: [source], durationMs: 100 }, { matte: [0, 0, 0] }),
    );
    const p = source.findIndex((v, i) => i % 4 === 3 && v >= 128 && v < 170) >> 2;
    expect(gif.frames[0].rgba[p * 4]).toBeLessThan(RED[0] * 0.75);
  });

  it('keeps deltas exact for fully opaque animations (a transparent index is added for them)', async () => {
    const seq = walkingSquare();
    const frames = seq.frames.map((f) => {
      const out = f.slice();
      for (let s = 0; s < out.length; s += 4) if (out[s + 3] === 0) out.set([250, 250, 250, 255], s);
      return out;
    });
    const gif = decodeGif(await encodeGif({ ...seq, frames }));
    expect(gif.frames.map((f, i) => same(f.rgba, frames[i]))).toEqual(frames.map(() => true));
    expect(gif.frames.slice(1).every((f) => f.width * f.height < 32 * 32)).toBe(true);
  });

  it('with a lossy tolerance makes a smaller file whose pixels stay within the tolerance', async () => {
    const seq = emojiFrames(96, 96, 8, 800);
    const exact = await encodeGif(seq);
    const lossy = await encodeGif(seq, { tolerance: 16 });
    expect(lossy.length).toBeLessThan(exact.length);
    const a = decodeGif(exact).frames;
    const b = decodeGif(lossy).frames;
    let worst = 0;
    a.forEach((f, i) => {
      for (let s = 0; s < f.rgba.length; s++) worst = Math.max(worst, Math.abs(f.rgba[s] - b[i].rgba[s]));
    });
    expect(worst).toBeLessThanOrEqual(Math.ceil(16 * Math.sqrt(3)));
  });

  it('refuses bad options', async () => {
    const seq = emojiFrames(16, 16, 2, 200);
    await expect(encodeGif(seq, { colors: 300 })).rejects.toThrow(/colors must be 2..256/);
    await expect(encodeGif(seq, { delaysCs: [10] })).rejects.toThrow(/one 0..65535 value per frame/);
    await expect(encodeGif({ ...seq, frames: [] })).rejects.toThrow(/no frames/);
  });
});
