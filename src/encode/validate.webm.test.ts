import { describe, expect, it } from 'vitest';
import type { ValidationReport } from '../domain/validation.ts';
import { ffmpegStatus } from './ffmpeg.ts';
import { drawDisc, emojiFrames } from './synthetic.fixtures.ts';
import { validateFile } from './validate.file.ts';
import { decodeVp9Keyframe } from './vp9.decoder.ts';
import { DISC_ALPHA_KEYFRAME, DISC_KEYFRAME } from './vp9.fixtures.ts';
import { decodeWebmRgba, encodeWebm } from './webm.encoder.ts';
import { buildWebm, el, evenTimes, type RawWebm, VP9_TRACK } from './webm.fixtures.ts';
import { parseWebm } from './webm.parser.ts';

const hasFfmpeg = (await ffmpegStatus()).available;
/** The container rules alone: the fixtures' blocks hold placeholder bytes, not VP9. */
const CONTAINER_ONLY = { decodeVideo: false };

const failing = (r: ValidationReport) => r.checks.filter((c) => !c.ok).map((c) => c.rule);
const message = (r: ValidationReport, rule: string) => r.checks.find((c) => c.rule === rule)?.message;
const good: RawWebm = {
  durationMs: 2000,
  tracks: [VP9_TRACK],
  frameTimesMs: evenTimes(16, 2000),
  groups: true,
};
/** ffmpeg missing: the first frame must still decode, in process. */
const NO_FFMPEG = { ffmpeg: '/nonexistent/ffmpeg' };
const disc = { frame: DISC_KEYFRAME, alpha: DISC_ALPHA_KEYFRAME };
const check = (spec: Partial<RawWebm>) =>
  validateFile(buildWebm({ ...good, ...spec }), 'telegram-sticker', CONTAINER_ONLY);

describe('validateFile (telegram-sticker, WebM)', () => {
  it('passes a well-formed container when asked for the container alone, and says the first frame was not decoded', async () => {
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
    expect(message(report, 'first_frame')).toBe('not checked: only the container was asked for');
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
    const report = await validateFile(big, 'telegram-sticker', CONTAINER_ONLY);
    expect(failing(report)).toEqual(['bytes']);
  });

  it('reports undecodable input as a failed decode check', async () => {
    const report = await validateFile(Buffer.from('not a webm'), 'telegram-sticker');
    expect(report.ok).toBe(false);
    expect(report.checks.map((c) => c.rule)).toEqual(['decode', 'bytes']);
  });

  it('decodes a real first frame without ffmpeg and checks its pixels', async () => {
    const report = await validateFile(
      buildWebm({ ...good, firstFrame: disc }),
      'telegram-sticker',
      NO_FFMPEG,
    );
    expect(failing(report)).toEqual([]);
    expect(message(report, 'first_frame')).toMatch(/^first frame shows the whole character/);
    // The disc: opaque orange in the middle, transparent corners (nearly: alpha at CRF 63 is lossy).
    const rgba = await decodeVp9Keyframe(DISC_KEYFRAME, DISC_ALPHA_KEYFRAME, 512, 512);
    const at = (x: number, y: number) => Array.from(rgba.subarray((y * 512 + x) * 4, (y * 512 + x) * 4 + 4));
    const [r, g, b, a] = at(256, 256);
    expect([Math.abs(r - 230), Math.abs(g - 120), Math.abs(b - 40)].every((d) => d <= 12)).toBe(true);
    expect(a).toBeGreaterThanOrEqual(250);
    expect(at(5, 5)[3]).toBeLessThanOrEqual(8);
    // Without its alpha plane the frame is opaque everywhere.
    expect((await decodeVp9Keyframe(DISC_KEYFRAME, null, 512, 512))[3]).toBe(255);
  });

  it('fails first_frame, naming the decode, when the keyframe is damaged or its size disagrees', async () => {
    const damaged = DISC_KEYFRAME.slice();
    damaged.fill(0, 0, 16);
    const broken = await validateFile(
      buildWebm({ ...good, firstFrame: { ...disc, frame: damaged } }),
      'telegram-sticker',
      NO_FFMPEG,
    );
    expect(failing(broken)).toEqual(['first_frame']);
    expect(message(broken, 'first_frame')).toMatch(
      /^first frame does not decode: the VP9 frame does not decode/,
    );
    const small = await validateFile(
      buildWebm({ ...good, tracks: [{ ...VP9_TRACK, width: 512, height: 256 }], firstFrame: disc }),
      'telegram-sticker',
      NO_FFMPEG,
    );
    expect(failing(small)).toEqual(['first_frame']);
    expect(message(small, 'first_frame')).toMatch(/it is 512x512, not 512x256/);
    // The decoder recovers: the next good file decodes again.
    const again = await validateFile(buildWebm({ ...good, firstFrame: disc }), 'telegram-sticker', NO_FFMPEG);
    expect(failing(again)).toEqual([]);
  });

  it('hands a laced first block to ffmpeg, and says so where ffmpeg is missing', async () => {
    const report = await validateFile(
      buildWebm({ ...good, lacedFirstBlock: true }),
      'telegram-sticker',
      NO_FFMPEG,
    );
    expect(report.checks.find((c) => c.rule === 'frame_rate')).toBeDefined();
    expect(message(report, 'first_frame')).toBe(
      'not checked: the first block is laced, and ffmpeg is not available to decode it here',
    );
  });

  it.skipIf(!hasFfmpeg)(
    'decodes a first frame as ffmpeg does: the same alpha, the same colours',
    async () => {
      const seq = emojiFrames(512, 512, 4, 1000);
      const file = await encodeWebm(seq);
      const first = parseWebm(file).blocks[0];
      const ours = await decodeVp9Keyframe(first.frame as Uint8Array, first.alpha, 512, 512);
      const theirs = await decodeWebmRgba(file, 'ffmpeg', 1);
      let alphaOff = 0;
      let colourError = 0;
      let opaque = 0;
      for (let i = 0; i < ours.length; i += 4) {
        alphaOff = Math.max(alphaOff, Math.abs(ours[i + 3] - theirs[i + 3]));
        if (theirs[i + 3] < 250) continue;
        opaque++;
        for (let c = 0; c < 3; c++) colourError += Math.abs(ours[i + c] - theirs[i + c]);
      }
      expect(opaque).toBeGreaterThan(10_000);
      expect(alphaOff).toBeLessThanOrEqual(3);
      expect(colourError / (opaque * 3)).toBeLessThan(2);
    },
  );

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
