import { describe, expect, it } from 'vitest';
import type { FrameSequence } from '../domain/image.ts';
import type { ValidationReport } from '../domain/validation.ts';
import { encodeGif } from './gif.encoder.ts';
import { buildGif } from './gif.fixtures.ts';
import { drawDisc, emojiFrames, fillRect, noiseFrames } from './synthetic.fixtures.ts';
import { validateFile } from './validate.file.ts';

const failing = (r: ValidationReport) => r.checks.filter((c) => !c.ok).map((c) => c.rule);
const message = (r: ValidationReport, rule: string) => r.checks.find((c) => c.rule === rule)?.message;
const emoji = (frames = 8, durationMs = 1000, size = 128) => emojiFrames(size, size, frames, durationMs);

function withFirstFrame(seq: FrameSequence, paint: (img: Uint8Array) => void): FrameSequence {
  const first = new Uint8Array(seq.width * seq.height * 4);
  paint(first);
  return { ...seq, frames: [first, ...seq.frames.slice(1)] };
}

describe('validateFile (GIF platforms)', () => {
  it('passes a good Slack file and reports every rule', async () => {
    const report = await validateFile(await encodeGif(emoji()), 'slack-emoji');
    expect(failing(report)).toEqual([]);
    expect(report.checks.map((c) => c.rule)).toEqual([
      'decode',
      'format',
      'dimensions',
      'frame_count',
      'frame_delay',
      'loop',
      'bytes',
      'first_frame',
      'motion',
    ]);
  });

  it('fails only dimensions for a 100×100 Discord file', async () => {
    const report = await validateFile(await encodeGif(emoji(8, 1000, 100)), 'discord-emoji');
    expect(failing(report)).toEqual(['dimensions']);
    expect(message(report, 'dimensions')).toBe('100x100 px, expected 128x128');
  });

  it('fails only frame_count for 60 frames on Slack and 30 on Kakao', async () => {
    const slack = await validateFile(await encodeGif(emoji(60, 3000)), 'slack-emoji');
    expect(failing(slack)).toEqual(['frame_count']);
    expect(message(slack, 'frame_count')).toBe('60 frames, expected 1–50');
    const kakao = await validateFile(await encodeGif(emoji(30, 3000, 360)), 'kakao-emoticon');
    expect(failing(kakao)).toEqual(['frame_count']);
  });

  it('fails only frame_delay for 1 cs frames (browsers would show them for 100 ms)', async () => {
    const report = await validateFile(await encodeGif(emoji(8, 80)), 'discord-emoji');
    expect(failing(report)).toEqual(['frame_delay']);
    expect(message(report, 'frame_delay')).toBe('shortest frame 10 ms, expected at least 20 ms');
  });

  it('fails only loop when the file has no loop block', async () => {
    const report = await validateFile(await encodeGif(emoji(), { loopCount: -1 }), 'discord-emoji');
    expect(failing(report)).toEqual(['loop']);
    expect(message(report, 'loop')).toBe('plays 1 time, expected to loop forever (loop count 0)');
  });

  it('fails only bytes for noise over Slack’s 128 KB', async () => {
    const report = await validateFile(await encodeGif(noiseFrames(128, 128, 12, 1200, 10)), 'slack-emoji');
    expect(failing(report)).toEqual(['bytes']);
  });

  it('fails only first_frame for a clipped first frame', async () => {
    const seq = withFirstFrame(emoji(), (img) => drawDisc(img, 128, 64, 10, 30, () => [200, 100, 50]));
    const report = await validateFile(await encodeGif(seq), 'discord-emoji');
    expect(failing(report)).toEqual(['first_frame']);
    expect(message(report, 'first_frame')).toMatch(/touch the top border/);
  });

  it('fails only motion when every frame is the same', async () => {
    const seq = emoji(4, 400);
    const report = await validateFile(
      await encodeGif({ ...seq, frames: seq.frames.map(() => seq.frames[0]) }),
      'discord-emoji',
    );
    expect(failing(report)).toEqual(['motion']);
  });

  it('fails format for a single image and decode for a broken file', async () => {
    const still = buildGif({
      width: 128,
      height: 128,
      globalTable: [0, 0, 0, 255, 0, 0],
      loop: 0,
      frames: [{ width: 128, height: 128, indices: new Uint8Array(128 * 128).fill(1) }],
    });
    expect(failing(await validateFile(still, 'discord-emoji'))).toContain('format');
    const seq = emoji();
    fillRect(seq.frames[0], 128, 0, 0, 1, 1, [0, 0, 0, 0]);
    const broken = (await encodeGif(seq)).subarray(0, 300);
    const report = await validateFile(broken, 'discord-emoji');
    expect(report.checks.map((c) => c.rule)).toEqual(['decode', 'bytes']);
    expect(message(report, 'decode')).toMatch(/^cannot decode the file: Malformed GIF/);
  });
});
