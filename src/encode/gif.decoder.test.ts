import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeGif, isGif } from './gif.decoder.ts';
import { buildGif } from './gif.fixtures.ts';
import { emojiFrames } from './synthetic.fixtures.ts';

const RGB = [0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 255]; // black, red, green, blue
const pixel = (rgba: Uint8Array, width: number, x: number, y: number) =>
  Array.from(rgba.subarray((y * width + x) * 4, (y * width + x) * 4 + 4));

/** What libvips (libnsgif) decodes from `gif`, one RGBA canvas per frame. */
async function libvipsFrames(gif: Uint8Array, width: number, height: number): Promise<Uint8Array[]> {
  const raw = await sharp(gif, { pages: -1 }).ensureAlpha().raw().toBuffer();
  return Array.from({ length: raw.length / (width * height * 4) }, (_, i) =>
    raw.subarray(i * width * height * 4, (i + 1) * width * height * 4),
  );
}

describe('decodeGif', () => {
  it('decodes an animated GIF written by libvips (cgif) exactly as libvips reads it back', async () => {
    const seq = emojiFrames(64, 64, 4, 400);
    const gif = await sharp(Buffer.concat(seq.frames), {
      raw: { width: 64, height: 64 * 4, channels: 4, pageHeight: 64 },
    })
      .gif({ delay: [100, 100, 100, 100], loop: 0 })
      .toBuffer();
    const decoded = decodeGif(gif);
    expect([decoded.width, decoded.height, decoded.frames.length, decoded.loopCount]).toEqual([64, 64, 4, 0]);
    expect(decoded.frames.map((f) => f.delayCs)).toEqual([10, 10, 10, 10]);
    const reference = await libvipsFrames(gif, 64, 64);
    decoded.frames.forEach((f, i) => {
      expect(Buffer.from(f.rgba).equals(Buffer.from(reference[i]))).toBe(true);
    });
  });

  it('applies transparency, local colour tables, interlacing and disposals 1, 2 and 3', () => {
    const gif = buildGif({
      width: 4,
      height: 4,
      globalTable: RGB,
      loop: null,
      frames: [
        { width: 4, height: 4, indices: new Array(16).fill(1), disposal: 1 },
        // Interlaced 1×4 column in green over x=1 (rows stored 0, 2, 1, 3), then restored to red.
        { x: 1, width: 1, height: 4, indices: [2, 2, 2, 2], interlaced: true, disposal: 3 },
        // Blue 2×2 with a transparent index, local table, then cleared to transparent.
        {
          x: 2,
          y: 2,
          width: 2,
          height: 2,
          indices: [0, 1, 1, 1],
          transparent: 0,
          localTable: [0, 0, 0, 0, 0, 255],
          disposal: 2,
        },
        { x: 0, y: 0, width: 1, height: 1, indices: [3], delayCs: 7 },
      ],
    });
    expect(isGif(gif)).toBe(true);
    const d = decodeGif(gif);
    expect(d.loopCount).toBeNull();
    expect(d.hasTransparency).toBe(true);
    expect(pixel(d.frames[1].rgba, 4, 1, 3)).toEqual([0, 255, 0, 255]);
    expect(pixel(d.frames[2].rgba, 4, 1, 3)).toEqual([255, 0, 0, 255]); // disposal 3 restored
    expect(pixel(d.frames[2].rgba, 4, 2, 2)).toEqual([255, 0, 0, 255]); // transparent index left it
    expect(pixel(d.frames[2].rgba, 4, 3, 3)).toEqual([0, 0, 255, 255]);
    expect(pixel(d.frames[3].rgba, 4, 3, 3)).toEqual([0, 0, 0, 0]); // disposal 2 cleared it
    expect(pixel(d.frames[3].rgba, 4, 0, 0)).toEqual([0, 0, 255, 255]);
    expect(d.frames[3].delayCs).toBe(7);
  });

  it('reads the NETSCAPE loop count', () => {
    const frame = { width: 1, height: 1, indices: [1] };
    expect(
      decodeGif(buildGif({ width: 1, height: 1, globalTable: RGB, loop: 3, frames: [frame] })).loopCount,
    ).toBe(3);
  });

  it('refuses malformed files with a message naming the defect', () => {
    const frame = { width: 2, height: 2, indices: [1, 1, 1, 1] };
    const good = buildGif({ width: 2, height: 2, globalTable: RGB, loop: 0, frames: [frame] });
    const cases: [Uint8Array, RegExp][] = [
      [Buffer.from('GIF90a'), /bad signature/],
      [good.subarray(0, good.length - 8), /truncated|ends without an end code/],
      [
        buildGif({ width: 2, height: 2, globalTable: RGB, loop: 0, frames: [{ ...frame, x: 1 }] }),
        /out of bounds/,
      ],
      [buildGif({ width: 2, height: 2, globalTable: null, loop: 0, frames: [frame] }), /no colour table/],
      [
        buildGif({
          width: 2,
          height: 2,
          globalTable: RGB.slice(0, 6),
          loop: 0,
          frames: [{ ...frame, indices: [3, 3, 3, 3] }],
        }),
        /uses colour 3 of a 2-entry table/,
      ],
      [buildGif({ width: 2, height: 2, globalTable: RGB, loop: 0, frames: [] }), /no image/],
    ];
    for (const [buf, message] of cases) expect(() => decodeGif(buf)).toThrow(message);
  });
});
