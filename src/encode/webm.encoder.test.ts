import { describe, expect, it } from 'vitest';
import { ffmpegStatus } from './ffmpeg.ts';
import { emojiFrames } from './synthetic.fixtures.ts';
import { decodeWebmFirstFrame, encodeWebm, frameRate } from './webm.encoder.ts';
import { parseWebm } from './webm.parser.ts';

const hasFfmpeg = (await ffmpegStatus()).available;

describe('encodeWebm', () => {
  it('passes the frame rate to ffmpeg as an exact fraction', () => {
    expect(frameRate(16, 2000)).toBe('8/1');
    expect(frameRate(20, 3000)).toBe('20/3');
  });

  it.skipIf(!hasFfmpeg)(
    'writes VP9 with an alpha plane, no audio, the right duration and one keyframe',
    async () => {
      const seq = emojiFrames(256, 256, 8, 1000);
      const buf = await encodeWebm(seq, { crf: 40 });
      const info = parseWebm(buf);
      expect(info.docType).toBe('webm');
      expect(info.durationMs).toBe(1000);
      expect(info.tracks).toEqual([
        expect.objectContaining({ type: 1, codecId: 'V_VP9', width: 256, height: 256, alphaMode: 1 }),
      ]);
      expect(info.blocks.map((b) => b.timeMs)).toEqual([0, 125, 250, 375, 500, 625, 750, 875]);
      expect(info.blocks.map((b) => b.keyframe)).toEqual([
        true,
        false,
        false,
        false,
        false,
        false,
        false,
        false,
      ]);
      expect(info.blocks.every((b) => b.additions)).toBe(true);
      const first = await decodeWebmFirstFrame(buf, 256, 256);
      expect(first?.[3]).toBeLessThanOrEqual(4); // the corner stays transparent (VP9 alpha is lossy)
    },
  );

  it.skipIf(!hasFfmpeg)('makes smaller files at a higher CRF', async () => {
    const seq = emojiFrames(256, 256, 6, 1000);
    expect((await encodeWebm(seq, { crf: 55 })).length).toBeLessThan(
      (await encodeWebm(seq, { crf: 25 })).length,
    );
  });

  it.skipIf(!hasFfmpeg)('makes the same bytes from the same frames', async () => {
    const seq = emojiFrames(128, 128, 4, 1000);
    const [a, b] = await Promise.all([encodeWebm(seq), encodeWebm(seq)]);
    expect(a.equals(b)).toBe(true);
  });

  it('refuses a CRF outside 0..63', async () => {
    await expect(encodeWebm(emojiFrames(16, 16, 2, 200), { crf: 70 })).rejects.toThrow(/crf 70/);
  });
});
