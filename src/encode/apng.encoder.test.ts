import { describe, expect, it } from 'vitest';
import type { FrameSequence } from '../domain/image.ts';
import { type DecodedAnimation, decodeApng } from './apng.decoder.ts';
import { encodeApng, frameDelays } from './apng.encoder.ts';
import { readChunks, readU32 } from './png.chunks.ts';
import {
  drawDisc,
  EDGE_SPOTS,
  edgeSpotFrames,
  emojiFrames,
  fillRect,
  noiseFrames,
} from './synthetic.fixtures.ts';
import { totalDelay } from './validate.ts';

/** fcTL fields of every frame, straight from the file. */
function frameControls(buf: Uint8Array) {
  return readChunks(buf)
    .filter((c) => c.type === 'fcTL')
    .map((c) => ({
      seq: readU32(c.data, 0),
      width: readU32(c.data, 4),
      height: readU32(c.data, 8),
      x: readU32(c.data, 12),
      y: readU32(c.data, 16),
      dispose: c.data[24],
      blend: c.data[25],
    }));
}

function meanAbsError(a: Uint8Array, b: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i]);
  return sum / a.length;
}

/** Index of the first differing byte, or -1 (toEqual on large typed arrays is very slow). */
function firstDifference(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  return Buffer.compare(a, b) === 0 ? -1 : a.findIndex((v, i) => v !== b[i]);
}

function expectExactFrames(anim: DecodedAnimation, seq: FrameSequence) {
  expect(anim.frames).toHaveLength(seq.frames.length);
  expect(anim.frames.map((f, i) => firstDifference(f.rgba, seq.frames[i]))).toEqual(seq.frames.map(() => -1));
}

/** A still character with one small dot that walks across it: most pixels never change. */
function mostlyStatic(frames = 8): FrameSequence {
  const out: Uint8Array[] = [];
  for (let f = 0; f < frames; f++) {
    const img = new Uint8Array(64 * 64 * 4);
    drawDisc(img, 64, 32, 32, 24, (x, y) => [200 + (x % 7), 120 + (y % 5), 40]);
    fillRect(img, 64, 16 + f * 3, 30, 3, 3, [10, 10, 80, 255]);
    out.push(img);
  }
  return { width: 64, height: 64, frames: out, durationMs: 1000 };
}

describe('frameDelays', () => {
  it('uses one reduced fraction of a second when it fits in 16 bits', () => {
    expect(frameDelays(2000, 16)[0]).toEqual({ num: 1, den: 8 });
    expect(frameDelays(1000, 3)).toEqual(Array(3).fill({ num: 1, den: 3 }));
    expect(frameDelays(3000, 7)[6]).toEqual({ num: 3, den: 7 });
  });

  it('falls back to whole milliseconds that still add up to the total', () => {
    const delays = frameDelays(65537, 2);
    expect(delays).toEqual([
      { num: 32768, den: 1000 },
      { num: 32769, den: 1000 },
    ]);
  });
});

describe('encodeApng round trip (palette)', () => {
  const seq = emojiFrames();

  it('keeps frame count, size, exact loop time and infinite looping', async () => {
    const anim = decodeApng(await encodeApng(seq));
    expect([anim.width, anim.height, anim.frames.length, anim.numPlays]).toEqual([180, 180, 16, 0]);
    expect([anim.colorType, anim.hasAlpha]).toEqual([3, true]);
    expect(totalDelay(anim)).toEqual({ num: 2n, den: 1n });
    expect(anim.frames.every((f) => f.delayNum === 1 && f.delayDen === 8)).toBe(true);
  });

  it('reproduces the frames within a small colour error, with exact full transparency and opacity', async () => {
    for (const opts of [{}, { dither: 0 }, { colors: 64 }]) {
      const anim = decodeApng(await encodeApng(seq, opts));
      anim.frames.forEach((f, i) => {
        const src = seq.frames[i];
        expect(meanAbsError(f.rgba, src)).toBeLessThan(opts.colors ? 2.5 : 1);
        let alphaChanged = 0;
        for (let s = 3; s < src.length; s += 4) {
          if ((src[s] === 0 || src[s] === 255) && f.rgba[s] !== src[s]) alphaChanged++;
        }
        expect(alphaChanged).toBe(0);
      });
    }
  });

  it('stores an animation with few colours exactly, at a low bit depth', async () => {
    const frames = [0, 1, 2].map((f) => {
      const img = new Uint8Array(10 * 10 * 4);
      fillRect(img, 10, f * 2, 2, 4, 4, [250, 20, 20, 255]);
      fillRect(img, 10, 1, 7, 8, 2, [0, 0, 200, 128]);
      return img;
    });
    const small = { width: 10, height: 10, frames, durationMs: 1500 };
    const anim = decodeApng(await encodeApng(small));
    expect(anim.bitDepth).toBe(2);
    expectExactFrames(anim, small);
  });

  it('leaves out tRNS for a fully opaque animation', async () => {
    const frames = [0, 1].map((f) => {
      const img = new Uint8Array(8 * 8 * 4);
      fillRect(img, 8, 0, 0, 8, 8, [90, 90, 90, 255]);
      fillRect(img, 8, f, f, 2, 2, [255, 255, 0, 255]);
      return img;
    });
    const opaque = { width: 8, height: 8, frames, durationMs: 1000 };
    const buf = await encodeApng(opaque);
    expect(readChunks(buf).some((c) => c.type === 'tRNS')).toBe(false);
    expect(decodeApng(buf).hasAlpha).toBe(false);
    expectExactFrames(decodeApng(buf), opaque);
  });

  it('honours numPlays', async () => {
    expect(decodeApng(await encodeApng(mostlyStatic(), { numPlays: 2 })).numPlays).toBe(2);
  });
});

describe('encodeApng round trip (lossless)', () => {
  it('writes the same frames and rectangles with the fast deflate, in more bytes', async () => {
    const seq = emojiFrames(96, 96, 8);
    const [smallest, fast] = await Promise.all([encodeApng(seq), encodeApng(seq, { compression: 'fast' })]);
    expect(frameControls(fast)).toEqual(frameControls(smallest));
    const a = decodeApng(smallest).frames;
    const b = decodeApng(fast).frames;
    expect(b.map((f, i) => firstDifference(f.rgba, a[i].rgba))).toEqual(a.map(() => -1));
    expect(fast.length).toBeGreaterThan(smallest.length);
  });

  it('reproduces every frame exactly', async () => {
    const seq = emojiFrames(96, 96, 10, 3000);
    const anim = decodeApng(await encodeApng(seq, { lossless: true }));
    expect([anim.colorType, anim.bitDepth]).toEqual([6, 8]);
    expectExactFrames(anim, seq);
    expect(totalDelay(anim)).toEqual({ num: 3n, den: 1n });
  });

  it('stores noise exactly', async () => {
    const seq = noiseFrames(32, 24, 3, 1000, 2);
    expectExactFrames(decodeApng(await encodeApng(seq, { lossless: true })), seq);
  });
});

describe('encodeApng inter-frame deltas', () => {
  it('stores later frames of a mostly static animation as small rectangles', async () => {
    const seq = mostlyStatic();
    for (const lossless of [false, true]) {
      const buf = await encodeApng(seq, { lossless });
      const controls = frameControls(buf);
      expect(controls[0]).toMatchObject({ width: 64, height: 64 });
      for (const fc of controls.slice(1)) {
        expect(fc.width * fc.height).toBeLessThan((64 * 64) / 10);
        expect(fc.dispose).toBe(0);
        expect(fc.blend).toBe(1);
      }
      expectExactFrames(decodeApng(buf), seq);
    }
  });

  it('finds single changed pixels at every position in a row, with a width that is not a multiple of 4', async () => {
    // Palette rows are compared four indices at a time: a change at the first or last pixel
    // of a row, or on either side of a word boundary, must lie in its frame's rectangle, and
    // every frame must decode exactly.
    const { width: w, height: h, spots } = EDGE_SPOTS;
    const still = new Uint8Array(w * h * 4);
    fillRect(still, w, 0, 0, w, h, [40, 90, 200, 255]);
    const spotted = edgeSpotFrames(still, 1400);
    const seq: FrameSequence = { ...spotted, frames: [still, ...spotted.frames], durationMs: 1600 };
    const buf = await encodeApng(seq);
    const controls = frameControls(buf).slice(1);
    controls.forEach((fc, i) => {
      const [x, y] = spots[i];
      expect(x >= fc.x && x < fc.x + fc.width && y >= fc.y && y < fc.y + fc.height).toBe(true);
    });
    expectExactFrames(decodeApng(buf), seq);
  });

  it('numbers fcTL and fdAT chunks in one unbroken sequence', async () => {
    const chunks = readChunks(await encodeApng(mostlyStatic(5)));
    const numbers = chunks
      .filter((c) => c.type === 'fcTL' || c.type === 'fdAT')
      .map((c) => readU32(c.data, 0));
    expect(numbers).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(chunks.filter((c) => c.type === 'IDAT')).toHaveLength(1);
  });

  it('clears a moved shape with dispose BACKGROUND, and writes a 1-pixel frame when nothing changes', async () => {
    // (Not [0, 1, 1, 0]: there, drawing frames 1 and 2 on the cleared canvas costs less in all.)
    const frames = [0, 1, 1].map((f) => {
      const img = new Uint8Array(12 * 12 * 4);
      fillRect(img, 12, 2 + f * 4, 4, 4, 4, [30, 160, 60, 255]);
      return img;
    });
    const seq = { width: 12, height: 12, frames, durationMs: 1000 };
    for (const lossless of [false, true]) {
      const buf = await encodeApng(seq, { lossless });
      const controls = frameControls(buf);
      // Frame 0 is cleared after showing, so frame 1 is only the square, drawn OVER.
      expect(controls[0].dispose).toBe(1);
      expect(controls[1]).toMatchObject({ width: 4, height: 4, blend: 1 });
      expect(controls[2]).toMatchObject({ width: 1, height: 1 });
      expectExactFrames(decodeApng(buf), seq);
    }
  });

  it('uses SOURCE when pixels must become transparent and no disposal helps', async () => {
    const frames = [4, 8].map((w) => {
      const img = new Uint8Array(12 * 12 * 4);
      fillRect(img, 12, 0, 0, 12, 12, [200, 200, 200, 255]);
      fillRect(img, 12, 2, 2, w, 8, [0, 0, 0, 0]);
      return img;
    });
    const seq = { width: 12, height: 12, frames, durationMs: 1000 };
    const controls = frameControls(await encodeApng(seq));
    expect(controls[1]).toMatchObject({ blend: 0 });
    expectExactFrames(decodeApng(await encodeApng(seq)), seq);
  });

  it('restores the previous canvas (dispose PREVIOUS) when a frame returns to the pose two frames back', async () => {
    const base = mostlyStatic(1).frames[0];
    const raised = base.slice();
    fillRect(raised, 64, 40, 4, 12, 20, [250, 200, 40, 255]);
    const seq = { width: 64, height: 64, frames: [base, raised, base, raised, base], durationMs: 1000 };
    const buf = await encodeApng(seq);
    const controls = frameControls(buf);
    expect(controls[1].dispose).toBe(2);
    // Back in the first pose: nothing to draw but the one pixel a frame needs.
    expect([controls[2], controls[4]].map((c) => c.width * c.height)).toEqual([1, 1]);
    expectExactFrames(decodeApng(buf), seq);
  });
});

describe('encodeApng input checks', () => {
  const seq = mostlyStatic(2);

  it('rejects bad options and frames of the wrong size', async () => {
    await expect(encodeApng(seq, { colors: 1 })).rejects.toThrow(/colors must be an integer in 2..256/);
    await expect(encodeApng(seq, { dither: 2 })).rejects.toThrow(/dither/);
    await expect(encodeApng({ ...seq, frames: [new Uint8Array(5)] })).rejects.toThrow(/frame 0 has 5 bytes/);
    await expect(encodeApng({ ...seq, durationMs: 0 })).rejects.toThrow(/durationMs/);
    const compression = 'tiny' as 'fast';
    await expect(encodeApng(seq, { compression })).rejects.toThrow(/compression must be smallest or fast/);
  });
});
