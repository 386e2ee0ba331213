import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { emojiFrames } from './synthetic.fixtures.ts';
import { encodeWebp } from './webp.encoder.ts';
import { chunkAt } from './webp.fixtures.ts';
import { isWebp, parseWebp } from './webp.parser.ts';

describe('parseWebp', () => {
  it('reads canvas, frames, durations, loop count and alpha of an animated WebP', async () => {
    const buf = await encodeWebp(emojiFrames(64, 48, 5, 1000), {
      delaysMs: [100, 200, 300, 200, 200],
      loop: 3,
    });
    expect(isWebp(buf)).toBe(true);
    const info = parseWebp(buf);
    expect([info.width, info.height, info.animated, info.hasAlpha, info.loopCount]).toEqual([
      64,
      48,
      true,
      true,
      3,
    ]);
    expect(info.frames.map((f) => f.durationMs)).toEqual([100, 200, 300, 200, 200]);
    for (const f of info.frames) {
      expect(f.x + f.width).toBeLessThanOrEqual(64);
      expect(f.y + f.height).toBeLessThanOrEqual(48);
    }
  });

  it('reads still images: lossy without alpha, lossless, and lossy with an alpha chunk', async () => {
    const [frame] = emojiFrames(40, 30, 1, 100).frames;
    const img = () => sharp(frame, { raw: { width: 40, height: 30, channels: 4 } });
    const lossy = parseWebp(await img().flatten().webp().toBuffer());
    expect([lossy.width, lossy.height, lossy.animated, lossy.hasAlpha, lossy.loopCount]).toEqual([
      40,
      30,
      false,
      false,
      null,
    ]);
    expect(lossy.frames[0].chunks).toEqual(['VP8 ']);
    expect(parseWebp(await img().webp({ lossless: true }).toBuffer()).hasAlpha).toBe(true);
    const alpha = parseWebp(await img().webp().toBuffer());
    expect([alpha.hasAlpha, alpha.frames[0].chunks]).toEqual([true, ['VP8X', 'ALPH', 'VP8 ']]);
  });

  it('refuses malformed files with a message naming the defect', async () => {
    const good = await encodeWebp(emojiFrames(64, 64, 3, 300));
    const outside = Buffer.from(good);
    outside.writeUIntLE(10, chunkAt(outside, 'ANMF') + 8, 3); // x offset 20 px
    const riffTooLong = Buffer.from(good);
    riffTooLong.writeUInt32LE(good.length + 100, 4);
    const cases: [Uint8Array, RegExp][] = [
      [Buffer.from('RIFF\0\0\0\0WEBQ'), /bad signature/],
      [riffTooLong, /runs past the end/],
      [good.subarray(0, 40), /runs past the end|needs \d+ bytes/],
      [outside, /outside the 64x64 canvas/],
    ];
    for (const [buf, message] of cases) expect(() => parseWebp(buf)).toThrow(message);
  });
});
