import { describe, expect, it } from 'vitest';
import type { ValidationReport } from '../domain/validation.ts';
import { ffmpegStatus } from './ffmpeg.ts';
import { drawDisc, emojiFrames } from './synthetic.fixtures.ts';
import { validateFile } from './validate.file.ts';
import { encodeWebm } from './webm.encoder.ts';
import { buildWebm, el, evenTimes, type RawWebm, VP9_TRACK } from './webm.fixtures.ts';

const hasFfmpeg = (await ffmpegStatus()).available;
/** Structure-only validation, as on a machine without ffmpeg. */
const NO_FFMPEG = { ffmpeg: '/nonexistent/ffmpeg' };

const failing = (r: ValidationReport) => r.checks.filter((c) => !c.ok).map((c) => c.rule);
const message = (r: ValidationReport, rule: string) => r.checks.find((c) => c.rule === rule)?.message;
const good: RawWebm = {
  durationMs: 2000,
  tracks: [VP9_TRACK],
  frameTimesMs: evenTimes(16, 2000),
  groups: true,
};
const check = (spec: Partial<RawWebm>) =>
  validateFile(buildWebm({ ...good, ...spec }), 'telegram-sticker', NO_FFMPEG);

describe('validateFile (telegram-sticker, WebM)', () => {
  it('passes a well-formed file on structure alone and says the first frame was not decoded', async () => {
    const report = await check({});
    expect(failing(report)).toEqual([]);
    expect(report.checks.map((c) => c.rule)).toEqual([
      'decode',
      'format',
      'codec',
      'audio',
      'dimensions',
      'frame_rate',
      'duration',
      'bytes',
      'first_frame',
    ]);
    expect(message(report, 'first_frame')).toMatch(/^not checked: ffmpeg .* is not available/);
  });

  it('fails only codec for VP8', async () => {
    const report = await check({ tracks: [{ ...VP9_TRACK, codec: 'V_VP8' }] });
    expect(failing(report)).toEqual(['codec']);
    expect(message(report, 'codec')).toBe('video codec V_VP8, expected V_VP9');
  });

  it('fails only audio when there is an audio track', async () => {
    const report = await check({ tracks: [VP9_TRACK, { number: 2, type: 2, codec: 'A_OPUS' }] });
    expect(failing(report)).toEqual(['audio']);
    expect(message(report, 'audio')).toBe('1 audio track(s) (A_OPUS), expected none');
  });

  it('fails only dimensions when no side is 512 or a side is over 512', async () => {
    for (const [width, height] of [
      [400, 400],
      [600, 512],
    ]) {
      const report = await check({ tracks: [{ ...VP9_TRACK, width, height }] });
      expect(failing(report)).toEqual(['dimensions']);
      expect(message(report, 'dimensions')).toBe(
        `${width}x${height} px, expected within 512x512 with one side at least 512`,
      );
    }
    expect(failing(await check({ tracks: [{ ...VP9_TRACK, width: 512, height: 300 }] }))).toEqual([]);
  });

  it('fails only duration for 3.5 s', async () => {
    const report = await check({ durationMs: 3500, frameTimesMs: evenTimes(14, 3500) });
    expect(failing(report)).toEqual(['duration']);
    expect(message(report, 'duration')).toBe('loop time is 3500 ms; it must be at most 3000 ms');
  });

  it('fails only frame_rate at 50 fps', async () => {
    const report = await check({ durationMs: 1000, frameTimesMs: evenTimes(50, 1000) });
    expect(failing(report)).toEqual(['frame_rate']);
    expect(message(report, 'frame_rate')).toBe('50.00 fps, expected at most 30');
  });

  it('fails only first_frame when the first block is not a keyframe', async () => {
    const report = await check({ keyframes: () => false });
    expect(failing(report)).toEqual(['first_frame']);
    expect(message(report, 'first_frame')).toBe('first frame: the first block is not a keyframe');
  });

  it('fails format for a Matroska doc type or a second video track', async () => {
    expect(failing(await check({ docType: 'matroska' }))).toEqual(['format']);
    const two = await check({ tracks: [VP9_TRACK, { ...VP9_TRACK, number: 2 }] });
    expect(failing(two)).toContain('format');
  });

  it('fails only bytes over 256 KB', async () => {
    // An EBML Void element pads the file; parsers skip it.
    const big = Buffer.concat([buildWebm(good), Buffer.from(el(0xec, new Uint8Array(300 * 1024)))]);
    const report = await validateFile(big, 'telegram-sticker', NO_FFMPEG);
    expect(failing(report)).toEqual(['bytes']);
  });

  it('reports undecodable input as a failed decode check', async () => {
    const report = await validateFile(Buffer.from('not a webm'), 'telegram-sticker', NO_FFMPEG);
    expect(report.ok).toBe(false);
    expect(report.checks.map((c) => c.rule)).toEqual(['decode', 'bytes']);
  });

  it.skipIf(!hasFfmpeg)(
    'decodes the first frame of a real file with libvpx and finds a clipped character',
    async () => {
      const seq = emojiFrames(512, 512, 8, 1000);
      const ok = await validateFile(await encodeWebm(seq), 'telegram-sticker');
      expect(failing(ok)).toEqual([]);
      expect(message(ok, 'first_frame')).toMatch(/^first frame shows the whole character/);
      const first = new Uint8Array(512 * 512 * 4);
      drawDisc(first, 512, 10, 256, 120, () => [200, 100, 50]);
      const clipped = await validateFile(
        await encodeWebm({ ...seq, frames: [first, ...seq.frames.slice(1)] }),
        'telegram-sticker',
      );
      expect(failing(clipped)).toEqual(['first_frame']);
      expect(message(clipped, 'first_frame')).toMatch(/touch the left border/);
    },
  );
});
