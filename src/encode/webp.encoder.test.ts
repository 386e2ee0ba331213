import { describe, expect, it } from 'vitest';
import type { FrameSequence } from '../domain/image.ts';
import { emojiFrames } from './synthetic.fixtures.ts';
import { encodeWebp } from './webp.encoder.ts';

/** The same frames laid back to back in one block, as the built-in engine draws them. */
function inOneBlock(seq: FrameSequence): FrameSequence {
  const size = seq.frames[0].length;
  const block = new SharedArrayBuffer(size * seq.frames.length);
  const frames = seq.frames.map((f, i) => {
    const view = new Uint8Array(block, i * size, size);
    view.set(f);
    return view;
  });
  return { ...seq, frames };
}

/** A copy whose invisible pixels carry colour, as a remote engine may send them. */
function withColouredInvisiblePixels(seq: FrameSequence): FrameSequence {
  const frames = seq.frames.map((f) => {
    const g = f.slice();
    for (let p = 0; p < g.length; p += 4) if (g[p + 3] === 0) g.set([250, 20, 90], p);
    return g;
  });
  return { ...seq, frames };
}

describe('encodeWebp', () => {
  const seq = emojiFrames(96, 96, 4, 800);

  it('makes the same file from frames in one block as from separate copies', async () => {
    const a = await encodeWebp(inOneBlock(seq));
    const b = await encodeWebp(seq);
    expect(a.equals(b)).toBe(true);
  });

  it('spends nothing on the colour of invisible pixels, and leaves the caller its frames', async () => {
    const coloured = withColouredInvisiblePixels(seq);
    const before = coloured.frames.map((f) => Buffer.from(f));
    for (const input of [coloured, inOneBlock(coloured)]) {
      expect((await encodeWebp(input)).equals(await encodeWebp(seq))).toBe(true);
    }
    expect(coloured.frames.every((f, i) => before[i].equals(f))).toBe(true);
  });
});
