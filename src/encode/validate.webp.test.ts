import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { FrameSequence } from '../domain/image.ts';
import type { ValidationReport } from '../domain/validation.ts';
import { drawDisc, emojiFrames, fillRect, noiseFrames } from './synthetic.fixtures.ts';
import { validateFile } from './validate.file.ts';
import { encodeWebp } from './webp.encoder.ts';
import { withFrameDuration, withLoop } from './webp.fixtures.ts';

const failing = (r: ValidationReport) => r.checks.filter((c) => !c.ok).map((c) => c.rule);
const message = (r: ValidationReport, rule: string) => r.checks.find((c) => c.rule === rule)?.message;
const whatsapp = (buf: Uint8Array) => validateFile(buf, 'whatsapp-sticker');
const sticker = (frames = 6, durationMs = 1200) => emojiFrames(512, 512, frames, durationMs);

function withFirstFrame(seq: FrameSequence, paint: (img: Uint8Array) => void): FrameSequence {
  const first = new Uint8Array(seq.width * seq.height * 4);
  paint(first);
  return { ...seq, frames: [first, ...seq.frames.slice(1)] };
}

describe('validateFile (whatsapp-sticker, WebP)', () => {
  it('passes a good file and reports every rule', async () => {
    const report = await whatsapp(await encodeWebp(sticker()));
    expect(failing(report)).toEqual([]);
    expect(report.checks.map((c) => c.rule)).toEqual([
      'decode',
      'format',
      'dimensions',
      'transparency',
      'frame_delay',
      'duration',
      'loop',
      'bytes',
      'first_frame',
    ]);
  });

  it('fails only dimensions for a 256×256 file', async () => {
    const report = await whatsapp(await encodeWebp(emojiFrames(256, 256, 6, 1200)));
    expect(failing(report)).toEqual(['dimensions']);
    expect(message(report, 'dimensions')).toBe('256x256 px, expected 512x512');
  });

  it('fails only loop when the file plays twice', async () => {
    const report = await whatsapp(withLoop(await encodeWebp(sticker()), 2));
    expect(failing(report)).toEqual(['loop']);
    expect(message(report, 'loop')).toBe('plays 2 times, expected to loop forever (loop count 0)');
  });

  it('fails only frame_delay for 5 ms frames', async () => {
    const report = await whatsapp(withFrameDuration(await encodeWebp(sticker()), 5));
    expect(failing(report)).toEqual(['frame_delay']);
    expect(message(report, 'frame_delay')).toBe('shortest frame 5 ms, expected at least 8 ms');
  });

  it('fails only duration for a 12 s animation', async () => {
    const report = await whatsapp(await encodeWebp(sticker(6, 12_000)));
    expect(failing(report)).toEqual(['duration']);
    expect(message(report, 'duration')).toBe('loop time is 12000 ms; it must be at most 10000 ms');
  });

  it('fails only transparency (and cannot check the first frame) for an opaque file', async () => {
    const seq = sticker();
    const frames = seq.frames.map((f) => {
      const out = f.slice();
      for (let s = 0; s < out.length; s += 4) if (out[s + 3] < 255) out.set([255, 255, 255, 255], s);
      return out;
    });
    // Three channels, so libwebp writes no alpha at all.
    const rgb = Buffer.concat(frames.map((f) => Buffer.from(f.filter((_, i) => i % 4 !== 3))));
    const opaque = await sharp(rgb, {
      raw: { width: 512, height: 512 * frames.length, channels: 3, pageHeight: 512 },
    })
      .webp({ delay: frames.map(() => 200), loop: 0 })
      .toBuffer();
    const report = await whatsapp(opaque);
    expect(failing(report)).toEqual(['transparency']);
    expect(message(report, 'transparency')).toBe(
      'expected transparency; the file has alpha but every pixel of the first frame is opaque',
    );
    expect(message(report, 'first_frame')).toMatch(/not checked/);
  });

  it('fails only bytes over 500 KB', async () => {
    const report = await whatsapp(await encodeWebp(noiseFrames(512, 512, 4, 800, 20), { quality: 100 }));
    expect(report.bytes).toBeGreaterThan(500 * 1024);
    expect(failing(report)).toEqual(['bytes']);
  });

  it('fails only first_frame for a clipped or nearly empty first frame', async () => {
    const clipped = withFirstFrame(sticker(), (img) =>
      drawDisc(img, 512, 30, 256, 100, () => [200, 100, 50]),
    );
    const r1 = await whatsapp(await encodeWebp(clipped));
    expect(failing(r1)).toEqual(['first_frame']);
    expect(message(r1, 'first_frame')).toMatch(/touch the left border/);
    const empty = withFirstFrame(sticker(), (img) => fillRect(img, 512, 250, 250, 8, 8, [0, 0, 0, 255]));
    const r2 = await whatsapp(await encodeWebp(empty));
    expect(failing(r2)).toEqual(['first_frame']);
  });

  it('fails format for a still WebP and decode for garbage', async () => {
    const [frame] = sticker(1, 100).frames;
    const still = await sharp(frame, { raw: { width: 512, height: 512, channels: 4 } })
      .webp()
      .toBuffer();
    expect(failing(await whatsapp(still))).toContain('format');
    const garbage = await whatsapp(Buffer.from('RIFF\x04\0\0\0WEBP'));
    expect(garbage.checks.map((c) => c.rule)).toEqual(['decode', 'bytes']);
    expect(garbage.ok).toBe(false);
  });
});
