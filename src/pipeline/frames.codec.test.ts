import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { FrameSequence } from '../domain/image.ts';
import { decodeFrames, encodeFrames, framesFile } from './frames.codec.ts';

function sequence(): FrameSequence {
  const frames = [0, 1, 2].map((f) =>
    Uint8Array.from({ length: 6 * 5 * 4 }, (_, i) => (i * 7 + f * 31) & 0xff),
  );
  return { width: 6, height: 5, frames, durationMs: 1500 };
}

/** A master as the first file format wrote it: the same layout with a deflated body. */
function deflateFormat(seq: FrameSequence): Buffer {
  return framesFile(Buffer.from('PCFRAMES1'), seq, zlib.deflateSync(Buffer.concat(seq.frames)));
}

describe('master frames files', () => {
  it('read back exactly what was written', async () => {
    const seq = sequence();
    const file = await encodeFrames(seq);
    expect(file.subarray(0, 9).toString()).toBe('PCFRAMES2');
    const back = await decodeFrames(file);
    expect({ ...back, frames: back.frames.map((f) => Array.from(f)) }).toEqual({
      ...seq,
      frames: seq.frames.map((f) => Array.from(f)),
    });
  });

  it('read back frames drawn into one block of shared memory, in order or not', async () => {
    const seq = sequence();
    const size = seq.frames[0].length;
    const block = new SharedArrayBuffer(size * 3);
    const inBlock = seq.frames.map((f, i) => {
      const view = new Uint8Array(block, i * size, size);
      view.set(f);
      return view;
    });
    for (const frames of [inBlock, [inBlock[2], inBlock[0], inBlock[1]]]) {
      const back = await decodeFrames(await encodeFrames({ ...seq, frames }));
      expect(Buffer.compare(Buffer.concat(back.frames), Buffer.concat(frames))).toBe(0);
    }
  });

  it('still read masters stored in the earlier deflate format', async () => {
    const seq = sequence();
    const back = await decodeFrames(deflateFormat(seq));
    expect(back.frames.map((f) => Array.from(f))).toEqual(seq.frames.map((f) => Array.from(f)));
    expect(back.durationMs).toBe(1500);
  });

  it('refuse other files and truncated ones', async () => {
    await expect(decodeFrames(Buffer.from('PNG not frames'))).rejects.toThrow(
      /not a PopCon master frames file/,
    );
    const seq = sequence();
    const short = { ...seq, frames: seq.frames.slice(0, 2) };
    // A header that promises three frames over a body that holds two.
    const lying = deflateFormat(short);
    const header = JSON.stringify({ width: 6, height: 5, count: 2, durationMs: 1500 });
    const liar = Buffer.from(
      lying.toString('latin1').replace(header, header.replace('"count":2', '"count":3')),
      'latin1',
    );
    await expect(decodeFrames(liar)).rejects.toThrow(/truncated/);
  });
});
