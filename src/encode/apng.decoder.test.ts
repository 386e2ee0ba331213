import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeApng, isApng } from './apng.decoder.ts';
import { buildApng, solid } from './apng.fixtures.ts';
import { writeChunk } from './png.chunks.ts';

const RED = [255, 0, 0, 255];
const BLUE = [0, 0, 255, 255];
const GREEN = [0, 255, 0, 255];
const CLEAR = [0, 0, 0, 0];

/** The RGBA of pixel (x, y) of a decoded frame. */
const px = (rgba: Uint8Array, width: number, x: number, y: number) =>
  Array.from(rgba.subarray((y * width + x) * 4, (y * width + x) * 4 + 4));

describe('decodeApng compositing', () => {
  it('restores the region under a dispose_op PREVIOUS frame', () => {
    const anim = decodeApng(
      buildApng({
        width: 4,
        height: 4,
        frames: [
          { width: 4, height: 4, samples: solid(16, RED) },
          { x: 1, y: 1, width: 2, height: 2, samples: solid(4, BLUE), dispose: 2 },
          { width: 1, height: 1, samples: GREEN, blend: 1 },
        ],
      }),
    );
    expect(anim.frames).toHaveLength(3);
    expect(px(anim.frames[1].rgba, 4, 1, 1)).toEqual(BLUE);
    expect(px(anim.frames[1].rgba, 4, 0, 0)).toEqual(RED);
    expect(px(anim.frames[2].rgba, 4, 0, 0)).toEqual(GREEN);
    expect(px(anim.frames[2].rgba, 4, 1, 1)).toEqual(RED);
    expect(px(anim.frames[2].rgba, 4, 2, 2)).toEqual(RED);
  });

  it('clears the region of a dispose_op BACKGROUND frame to transparent black', () => {
    const anim = decodeApng(
      buildApng({
        width: 4,
        height: 4,
        frames: [
          { width: 4, height: 4, samples: solid(16, RED) },
          { x: 1, y: 1, width: 2, height: 2, samples: solid(4, BLUE), dispose: 1 },
          { x: 3, y: 3, width: 1, height: 1, samples: GREEN },
        ],
      }),
    );
    const last = anim.frames[2].rgba;
    expect(px(last, 4, 1, 1)).toEqual(CLEAR);
    expect(px(last, 4, 2, 2)).toEqual(CLEAR);
    expect(px(last, 4, 0, 0)).toEqual(RED);
    expect(px(last, 4, 3, 3)).toEqual(GREEN);
  });

  it('treats PREVIOUS on the first frame as BACKGROUND', () => {
    const anim = decodeApng(
      buildApng({
        width: 2,
        height: 1,
        frames: [
          { width: 2, height: 1, samples: solid(2, RED), dispose: 2 },
          { width: 1, height: 1, samples: GREEN, blend: 1 },
        ],
      }),
    );
    expect(px(anim.frames[0].rgba, 2, 1, 0)).toEqual(RED);
    expect(px(anim.frames[1].rgba, 2, 0, 0)).toEqual(GREEN);
    expect(px(anim.frames[1].rgba, 2, 1, 0)).toEqual(CLEAR);
  });

  it('alpha-composites blend_op OVER with straight alpha', () => {
    const halfBlue = [0, 0, 255, 128];
    const anim = decodeApng(
      buildApng({
        width: 4,
        height: 1,
        frames: [
          { width: 4, height: 1, samples: [...RED, ...RED, ...CLEAR, ...RED] },
          {
            width: 4,
            height: 1,
            samples: [...halfBlue, 9, 9, 9, 0, ...halfBlue, 0, 200, 0, 255],
            blend: 1,
          },
        ],
      }),
    );
    const f = anim.frames[1].rgba;
    // 128/255 blue over opaque red: (255·127·255) / (128·255 + 127·255) ≈ 127 red, 128 blue.
    expect(px(f, 4, 0, 0)).toEqual([127, 0, 128, 255]);
    expect(px(f, 4, 1, 0)).toEqual(RED);
    expect(px(f, 4, 2, 0)).toEqual(halfBlue);
    expect(px(f, 4, 3, 0)).toEqual([0, 200, 0, 255]);
  });

  it('skips a default image that precedes the first fcTL', () => {
    const anim = decodeApng(
      buildApng({
        width: 2,
        height: 2,
        hiddenDefault: solid(4, BLUE),
        frames: [
          { width: 2, height: 2, samples: solid(4, RED), delay: [1, 4] },
          { width: 1, height: 1, samples: GREEN, delay: [3, 4] },
        ],
        numPlays: 3,
      }),
    );
    expect(anim.frames.map((f) => px(f.rgba, 2, 1, 1))).toEqual([RED, RED]);
    expect(anim.frames.map((f) => [f.delayNum, f.delayDen])).toEqual([
      [1, 4],
      [3, 4],
    ]);
    expect(anim.numPlays).toBe(3);
    expect(anim.animated).toBe(true);
  });

  it('reads delay_den 0 as 100', () => {
    const anim = decodeApng(
      buildApng({ width: 1, height: 1, frames: [{ width: 1, height: 1, samples: RED, delay: [5, 0] }] }),
    );
    expect(anim.frames[0].delayDen).toBe(100);
  });

  it('decodes a still PNG as one frame and isApng tells them apart', () => {
    const still = buildApng({
      width: 1,
      height: 1,
      still: true,
      frames: [{ width: 1, height: 1, samples: BLUE }],
    });
    const animated = buildApng({ width: 1, height: 1, frames: [{ width: 1, height: 1, samples: BLUE }] });
    const anim = decodeApng(still);
    expect(anim.animated).toBe(false);
    expect(anim.frames).toHaveLength(1);
    expect(px(anim.frames[0].rgba, 1, 0, 0)).toEqual(BLUE);
    expect(isApng(still)).toBe(false);
    expect(isApng(animated)).toBe(true);
    expect(isApng(new Uint8Array([1, 2, 3]))).toBe(false);
  });
});

describe('decodeApng colour types', () => {
  it('maps 2-bit palette indices through PLTE and tRNS', () => {
    const anim = decodeApng(
      buildApng({
        width: 4,
        height: 1,
        colorType: 3,
        bitDepth: 2,
        extra: [
          ['PLTE', [10, 20, 30, 40, 50, 60, 70, 80, 90]],
          ['tRNS', [0, 128]],
        ],
        frames: [{ width: 4, height: 1, samples: [0b00011000] }],
      }),
    );
    expect(anim.hasAlpha).toBe(true);
    expect(Array.from(anim.frames[0].rgba)).toEqual([
      10, 20, 30, 0, 40, 50, 60, 128, 70, 80, 90, 255, 10, 20, 30, 0,
    ]);
  });

  it('maps 8-bit palette indices through PLTE and tRNS, and refuses an index past the palette', () => {
    const spec = (samples: number[]) =>
      buildApng({
        width: 3,
        height: 2,
        colorType: 3,
        bitDepth: 8,
        extra: [
          ['PLTE', [10, 20, 30, 40, 50, 60, 70, 80, 90]],
          ['tRNS', [0, 128]],
        ],
        frames: [{ width: 3, height: 2, samples }],
      });
    const anim = decodeApng(spec([2, 1, 0, 0, 0, 2]));
    expect(Array.from(anim.frames[0].rgba)).toEqual([
      70, 80, 90, 255, 40, 50, 60, 128, 10, 20, 30, 0, 10, 20, 30, 0, 10, 20, 30, 0, 70, 80, 90, 255,
    ]);
    expect(() => decodeApng(spec([0, 1, 2, 3, 0, 0]))).toThrow(/palette index 3 out of range/);
  });

  it('expands 4-bit greyscale and honours its tRNS colour key', () => {
    const anim = decodeApng(
      buildApng({
        width: 2,
        height: 1,
        colorType: 0,
        bitDepth: 4,
        extra: [['tRNS', [0, 3]]],
        frames: [{ width: 2, height: 1, samples: [0x3f] }],
      }),
    );
    expect(Array.from(anim.frames[0].rgba)).toEqual([51, 51, 51, 0, 255, 255, 255, 255]);
  });

  it('reads RGB with a colour key and 16-bit grey+alpha', () => {
    const rgb = decodeApng(
      buildApng({
        width: 2,
        height: 1,
        colorType: 2,
        extra: [['tRNS', [0, 1, 0, 2, 0, 3]]],
        frames: [{ width: 2, height: 1, samples: [1, 2, 3, 4, 5, 6] }],
      }),
    );
    expect(Array.from(rgb.frames[0].rgba)).toEqual([1, 2, 3, 0, 4, 5, 6, 255]);
    const ga16 = decodeApng(
      buildApng({
        width: 1,
        height: 1,
        colorType: 4,
        bitDepth: 16,
        frames: [{ width: 1, height: 1, samples: [0xab, 0xcd, 0x80, 0x01] }],
      }),
    );
    expect(Array.from(ga16.frames[0].rgba)).toEqual([0xab, 0xab, 0xab, 0x80]);
    expect(ga16.hasAlpha).toBe(true);
  });
});

describe('decodeApng rejects malformed files', () => {
  const good = () =>
    buildApng({
      width: 2,
      height: 2,
      frames: [
        { width: 2, height: 2, samples: solid(4, RED) },
        { width: 1, height: 1, samples: GREEN },
      ],
    });

  it('throws on a corrupt CRC', () => {
    const buf = good();
    buf[buf.length - 20] ^= 0xff;
    expect(() => decodeApng(buf)).toThrow(/CRC mismatch/);
  });

  it('throws on a truncated file', () => {
    const buf = good();
    expect(() => decodeApng(buf.subarray(0, buf.length - 30))).toThrow(/truncated/);
  });

  it('throws on a bad signature and on a missing IHDR', () => {
    const buf = good();
    expect(() => decodeApng(Buffer.concat([Buffer.from('JUNK'), buf.subarray(4)]))).toThrow(/bad signature/);
    const noIhdr = Buffer.concat([buf.subarray(0, 8), buf.subarray(8 + 25)]);
    expect(() => decodeApng(noIhdr)).toThrow(/missing IHDR/);
  });

  it('throws when a frame lies outside the canvas', () => {
    const buf = buildApng({
      width: 2,
      height: 2,
      frames: [
        { width: 2, height: 2, samples: solid(4, RED) },
        { x: 1, y: 1, width: 2, height: 1, samples: solid(2, GREEN) },
      ],
    });
    expect(() => decodeApng(buf)).toThrow(/frame 1 \(2x1 at 1,1\) is out of bounds/);
  });

  it('throws on a wrong sequence number and on a frame count that disagrees with acTL', () => {
    const frames = [
      { width: 1, height: 1, samples: RED },
      { width: 1, height: 1, samples: GREEN },
    ];
    expect(() => decodeApng(buildApng({ width: 1, height: 1, frames, skipSequenceAt: 1 }))).toThrow(
      /fcTL sequence number is 2, expected 1/,
    );
    expect(() => decodeApng(buildApng({ width: 1, height: 1, frames, numFramesOverride: 3 }))).toThrow(
      /acTL declares 3 frames but the file has 2/,
    );
  });

  it('throws on an unknown critical chunk and image data that does not inflate', () => {
    const buf = good();
    const withJunk = Buffer.concat([
      buf.subarray(0, 33),
      writeChunk('JUNK', new Uint8Array(1)),
      buf.subarray(33),
    ]);
    expect(() => decodeApng(withJunk)).toThrow(/unknown critical chunk JUNK/);
    const head = buf.subarray(0, 33);
    const notZlib = Buffer.concat([
      head,
      writeChunk('IDAT', Uint8Array.of(1, 2, 3, 4)),
      writeChunk('IEND', new Uint8Array()),
    ]);
    expect(() => decodeApng(notZlib)).toThrow(/does not inflate/);
  });

  it('refuses huge canvases and image data that inflates far past its size', () => {
    const huge = buildApng({
      width: 1,
      height: 1,
      still: true,
      frames: [{ width: 1, height: 1, samples: RED }],
    });
    huge.writeUInt32BE(100_000, 16);
    huge.writeUInt32BE(100_000, 20);
    const fixedCrc = Buffer.concat([
      huge.subarray(0, 8),
      writeChunk('IHDR', huge.subarray(16, 29)),
      huge.subarray(33),
    ]);
    expect(() => decodeApng(fixedCrc)).toThrow(/larger than the 67108864 pixels/);
    const bomb = Buffer.concat([
      huge.subarray(0, 8),
      writeChunk('IHDR', Uint8Array.of(0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0)),
      writeChunk('IDAT', deflateSync(new Uint8Array(10_000_000))),
      writeChunk('IEND', new Uint8Array()),
    ]);
    expect(() => decodeApng(bomb)).toThrow(/does not inflate/);
  });
});
