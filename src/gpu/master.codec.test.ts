import { describe, expect, it } from 'vitest';
import type { FrameSequence } from '../domain/image.ts';
import { decodeApng } from '../encode/index.ts';
import { AnimateReplyHeadersSchema } from './contract.ts';
import { decodeMaster, encodeMaster, masterHeaders } from './master.codec.ts';

/** Frames with noise in every channel, invisible pixels included: a lossless path must keep them all. */
function noisyFrames(width: number, height: number, count: number, durationMs: number): FrameSequence {
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed >>> 24;
  };
  const frames = Array.from({ length: count }, () => Uint8Array.from({ length: width * height * 4 }, next));
  return { width, height, frames, durationMs };
}

const headersOf = (seq: FrameSequence) =>
  AnimateReplyHeadersSchema.parse(masterHeaders(seq, 'emoji:job:0:v1'));

describe('master codec', () => {
  it('round-trips every byte of every frame, invisible pixels included, and the loop time', async () => {
    const seq = noisyFrames(37, 21, 5, 1000);
    const back = decodeMaster(await encodeMaster(seq), headersOf(seq));
    expect(back.width).toBe(37);
    expect(back.height).toBe(21);
    expect(back.durationMs).toBe(1000);
    expect(back.frames.map((f, i) => Buffer.from(f).equals(seq.frames[i]))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
  });

  it('writes an APNG that loops forever with delays adding up to a fractional loop time', async () => {
    const seq = noisyFrames(8, 8, 18, 3000);
    const anim = decodeApng(await encodeMaster(seq));
    expect(anim.animated).toBe(true);
    expect(anim.numPlays).toBe(0);
    expect(anim.frames.reduce((ms, f) => ms + (1000 * f.delayNum) / f.delayDen, 0)).toBeCloseTo(3000, 6);
    expect(headersOf(seq)['x-popcon-frame-delays'].split(',')).toHaveLength(18);
  });

  it('refuses a master whose file and headers disagree', async () => {
    const seq = noisyFrames(8, 8, 4, 1000);
    const file = await encodeMaster(seq);
    expect(() => decodeMaster(file, { ...headersOf(seq), 'x-popcon-frame-count': 5 })).toThrow(/headers say/);
    expect(() => decodeMaster(file, { ...headersOf(seq), 'x-popcon-duration-ms': 2000 })).toThrow(/2000 ms/);
  });
});
