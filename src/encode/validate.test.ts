import { describe, expect, it } from 'vitest';
import type { FrameSequence } from '../domain/image.ts';
import type { ValidationReport } from '../domain/validation.ts';
import { type ApngOptions, encodeApng } from './apng.encoder.ts';
import { buildApng, solid } from './apng.fixtures.ts';
import { drawDisc, emojiFrames, fillRect, noiseFrames } from './synthetic.fixtures.ts';
import { validateAnimatedFile } from './validate.ts';

const failing = (report: ValidationReport) => report.checks.filter((c) => !c.ok).map((c) => c.rule);
const message = (report: ValidationReport, rule: string) =>
  report.checks.find((c) => c.rule === rule)?.message;

/** A LINE file: it plays as often as fits LINE's 4 s of playback (2 s → twice). */
const lineApng = (seq: FrameSequence, opts: ApngOptions = {}) =>
  encodeApng(seq, { numPlays: Math.max(1, Math.min(4, Math.floor(4000 / seq.durationMs))), ...opts });

/** A character whose first frame is drawn by `paint` and whose later frames are the usual emoji. */
function withFirstFrame(paint: (img: Uint8Array) => void): FrameSequence {
  const seq = emojiFrames(180, 180, 8, 2000);
  const first = new Uint8Array(180 * 180 * 4);
  paint(first);
  return { ...seq, frames: [first, ...seq.frames.slice(1)] };
}

describe('validateAnimatedFile (line-emoji)', () => {
  it('passes a good file and reports every rule', async () => {
    const report = validateAnimatedFile(await lineApng(emojiFrames()), 'line-emoji');
    expect(failing(report)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.checks.map((c) => c.rule)).toEqual([
      'decode',
      'format',
      'dimensions',
      'transparency',
      'frame_count',
      'duration',
      'loop',
      'bytes',
      'first_frame',
      'motion',
    ]);
    expect(message(report, 'duration')).toBe('loop time 2000 ms (≥ 1000 ms, ≤ 4000 ms, whole seconds)');
    expect(message(report, 'loop')).toBe(
      'plays 2 times, 4000 ms in total (1–4 plays and at most 4000 ms in total)',
    );
  });

  it('fails only dimensions for a 160×160 file', async () => {
    const report = validateAnimatedFile(await lineApng(emojiFrames(160, 160)), 'line-emoji');
    expect(failing(report)).toEqual(['dimensions']);
    expect(message(report, 'dimensions')).toBe('160x160 px, expected 180x180');
  });

  it('fails only frame_count for 4 frames', async () => {
    const report = validateAnimatedFile(await lineApng(emojiFrames(180, 180, 4, 2000)), 'line-emoji');
    expect(failing(report)).toEqual(['frame_count']);
    expect(message(report, 'frame_count')).toBe('4 frames, expected 5–20');
  });

  it('fails only duration for a 2.5 s loop', async () => {
    const report = validateAnimatedFile(await lineApng(emojiFrames(180, 180, 10, 2500)), 'line-emoji');
    expect(failing(report)).toEqual(['duration']);
    expect(message(report, 'duration')).toBe('loop time is 2500 ms; it must be a whole number of seconds');
  });

  it('fails duration and total playback for a 5 s loop', async () => {
    const report = validateAnimatedFile(await lineApng(emojiFrames(180, 180, 10, 5000)), 'line-emoji');
    expect(failing(report)).toEqual(['duration', 'loop']);
    expect(message(report, 'duration')).toMatch(/at most 4000 ms/);
  });

  it('fails only loop when the file loops forever (LINE allows 4 s of playback in total)', async () => {
    const report = validateAnimatedFile(await encodeApng(emojiFrames(), { numPlays: 0 }), 'line-emoji');
    expect(failing(report)).toEqual(['loop']);
    expect(message(report, 'loop')).toBe(
      'loops forever (no end in total), expected 1–4 plays and at most 4000 ms in total',
    );
  });

  it('fails only loop when plays × loop time passes 4 s', async () => {
    const report = validateAnimatedFile(await encodeApng(emojiFrames(), { numPlays: 3 }), 'line-emoji');
    expect(failing(report)).toEqual(['loop']);
    expect(message(report, 'loop')).toMatch(/^plays 3 times \(6000 ms in total\)/);
  });

  it('fails only motion when every frame is the same', async () => {
    const seq = emojiFrames(180, 180, 6, 1000);
    const still = { ...seq, frames: seq.frames.map(() => seq.frames[0]) };
    const report = validateAnimatedFile(await lineApng(still), 'line-emoji');
    expect(failing(report)).toEqual(['motion']);
    expect(message(report, 'motion')).toBe('all 6 frames are identical, expected an animation');
  });

  it('fails only bytes for a lossless noise animation', async () => {
    const buf = await lineApng(noiseFrames(180, 180, 16, 2000), { lossless: true });
    const report = validateAnimatedFile(buf, 'line-emoji');
    expect(failing(report)).toEqual(['bytes']);
    expect(message(report, 'bytes')).toBe(`${buf.length} bytes, limit 307200 (over budget)`);
  });

  it('fails only first_frame when the character is clipped by the border', async () => {
    const seq = withFirstFrame((img) => drawDisc(img, 180, 20, 90, 40, () => [200, 100, 50]));
    const report = validateAnimatedFile(await lineApng(seq), 'line-emoji');
    expect(failing(report)).toEqual(['first_frame']);
    expect(message(report, 'first_frame')).toMatch(/opaque pixels touch the left border/);
  });

  it('fails only first_frame when the first frame is nearly empty', async () => {
    const seq = withFirstFrame((img) => fillRect(img, 180, 80, 80, 10, 10, [0, 0, 0, 255]));
    const report = validateAnimatedFile(await lineApng(seq), 'line-emoji');
    expect(failing(report)).toEqual(['first_frame']);
    expect(message(report, 'first_frame')).toMatch(/covers 0\.3% of the canvas, expected at least 5%/);
  });

  it('fails only transparency for an opaque file', async () => {
    const seq = emojiFrames();
    for (const frame of seq.frames) {
      for (let s = 0; s < frame.length; s += 4) if (frame[s + 3] < 255) frame.set([255, 255, 255, 255], s);
    }
    const report = validateAnimatedFile(await lineApng(seq), 'line-emoji');
    expect(failing(report)).toEqual(['transparency']);
    expect(message(report, 'transparency')).toMatch(/colour type 3 without tRNS/);
    expect(message(report, 'first_frame')).toMatch(/not checked/);
  });

  it('fails format for a still PNG', () => {
    const png = buildApng({
      width: 180,
      height: 180,
      still: true,
      frames: [{ width: 180, height: 180, samples: solid(180 * 180, [0, 0, 0, 0]) }],
    });
    const report = validateAnimatedFile(png, 'line-emoji');
    expect(failing(report)).toContain('format');
    expect(message(report, 'format')).toBe('expected an animated PNG (acTL chunk), got a still PNG');
  });

  it('reports undecodable input as a failed decode check instead of throwing', async () => {
    const good = await lineApng(emojiFrames(180, 180, 6, 1000));
    for (const buf of [new Uint8Array([1, 2, 3]), good.subarray(0, good.length - 40)]) {
      const report = validateAnimatedFile(buf, 'line-emoji');
      expect(report.ok).toBe(false);
      expect(report.checks.map((c) => c.rule)).toEqual(['decode', 'bytes']);
      expect(message(report, 'decode')).toMatch(/^cannot decode the file: Malformed PNG/);
    }
  });
});

describe('validateAnimatedFile (other platforms)', () => {
  it('checks line-sticker against its own size rule and has no whole-second rule', async () => {
    const ok = validateAnimatedFile(
      await encodeApng(emojiFrames(270, 270, 10, 2500), { numPlays: 1 }),
      'line-sticker',
    );
    expect(failing(ok)).toEqual([]);
    expect(message(ok, 'dimensions')).toBe('270x270 px (within 320x270 with one side at least 270)');
    const small = validateAnimatedFile(
      await encodeApng(emojiFrames(240, 240, 10, 2000), { numPlays: 1 }),
      'line-sticker',
    );
    expect(failing(small)).toEqual(['dimensions']);
    expect(message(small, 'dimensions')).toBe(
      '240x240 px, expected within 320x270 with one side at least 270',
    );
    const tall = validateAnimatedFile(
      await encodeApng(emojiFrames(280, 280, 10, 2000), { numPlays: 1 }),
      'line-sticker',
    );
    expect(failing(tall)).toEqual(['dimensions']);
  });

  it('refuses platforms that do not use APNG', () => {
    expect(() => validateAnimatedFile(new Uint8Array(), 'discord-emoji')).toThrow(/discord-emoji uses gif/);
  });
});
