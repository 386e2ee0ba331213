import { describe, expect, it } from 'vitest';
import { bmp } from '../../test/support/images.ts';
import { decodeBmp } from './bmp.decoder.ts';

const px = (img: { data: Uint8Array; width: number }, x: number, y: number) =>
  Array.from(img.data.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 4));

describe('decodeBmp', () => {
  it('decodes a bottom-up 24-bit file with row padding', () => {
    const img = decodeBmp(
      bmp({
        width: 3,
        height: 2,
        bitCount: 24,
        rows: [
          [0xff0000, 0x00ff00, 0x0000ff],
          [0x123456, 0, 0xffffff],
        ],
      }),
    );
    expect([img.width, img.height]).toEqual([3, 2]);
    expect(px(img, 0, 0)).toEqual([255, 0, 0, 255]);
    expect(px(img, 2, 0)).toEqual([0, 0, 255, 255]);
    expect(px(img, 0, 1)).toEqual([0x12, 0x34, 0x56, 255]);
  });

  it('decodes a top-down 8-bit palette file', () => {
    const img = decodeBmp(
      bmp({
        width: 2,
        height: 2,
        bitCount: 8,
        palette: [0x000000, 0xff8800],
        rows: [
          [1, 0],
          [0, 1],
        ],
        topDown: true,
      }),
    );
    expect(px(img, 0, 0)).toEqual([255, 136, 0, 255]);
    expect(px(img, 1, 0)).toEqual([0, 0, 0, 255]);
  });

  it('decodes a 1-bit file', () => {
    const img = decodeBmp(
      bmp({
        width: 9,
        height: 1,
        bitCount: 1,
        palette: [0x000000, 0xffffff],
        rows: [[1, 0, 0, 0, 0, 0, 0, 0, 1]],
      }),
    );
    expect(px(img, 0, 0)).toEqual([255, 255, 255, 255]);
    expect(px(img, 1, 0)).toEqual([0, 0, 0, 255]);
    expect(px(img, 8, 0)).toEqual([255, 255, 255, 255]);
  });

  it('keeps the alpha of a 32-bit bitfields file', () => {
    const masks = [0x00ff0000, 0x0000ff00, 0x000000ff, 0xff000000];
    const header = bmp({ width: 1, height: 1, bitCount: 32, masks, rows: [[0x80ff0000]] });
    // A V3-style header: widen the declared header size so the alpha mask is read.
    new DataView(header.buffer).setUint32(14, 56, true);
    const img = decodeBmp(header);
    expect(px(img, 0, 0)).toEqual([255, 0, 0, 128]);
  });

  it('treats an all-zero alpha channel as opaque', () => {
    const masks = [0x00ff0000, 0x0000ff00, 0x000000ff, 0xff000000];
    const file = bmp({ width: 2, height: 1, bitCount: 32, masks, rows: [[0x00ff0000, 0x0000ff00]] });
    new DataView(file.buffer).setUint32(14, 56, true);
    expect(px(decodeBmp(file), 1, 0)).toEqual([0, 255, 0, 255]);
  });

  it('refuses truncated pixel data and RLE compression with clear messages', () => {
    const good = bmp({ width: 4, height: 4, bitCount: 24, rows: [] });
    expect(() => decodeBmp(good.subarray(0, good.length - 10))).toThrow(/truncated/);
    const rle = bmp({ width: 1, height: 1, bitCount: 8, palette: [0], rows: [[0]] });
    new DataView(rle.buffer).setUint32(30, 1, true);
    expect(() => decodeBmp(rle)).toThrow(/RLE/);
  });
});
