import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { bmp, characterOnFlatBackground, pngClaiming } from '../../test/support/images.ts';
import { AppError } from '../domain/errors.ts';
import { decodeUpload, WORKING_MAX } from './upload.decoder.ts';

const limits = { maxBytes: 10 * 1024 * 1024, maxDimension: 4096 };

async function expectAppError(promise: Promise<unknown>, code: string, message: RegExp) {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  expect((err as AppError).message).toMatch(message);
}

describe('decodeUpload', () => {
  it.each(['png', 'jpeg', 'webp', 'gif', 'tiff'] as const)('reads %s', async (format) => {
    const bytes = await sharp(await characterOnFlatBackground(200))
      .toFormat(format)
      .toBuffer();
    const decoded = await decodeUpload(bytes, limits);
    expect(decoded.format).toBe(format);
    expect([decoded.width, decoded.height]).toEqual([200, 200]);
    expect(decoded.image.data.length).toBe(200 * 200 * 4);
  });

  it('reads BMP', async () => {
    const file = bmp({
      width: 2,
      height: 2,
      bitCount: 24,
      rows: [
        [0xff0000, 0],
        [0, 0xff0000],
      ],
    });
    const decoded = await decodeUpload(file, limits);
    expect(decoded.format).toBe('bmp');
    expect(Array.from(decoded.image.data.subarray(0, 4))).toEqual([255, 0, 0, 255]);
  });

  it('takes the first frame of an animated GIF', async () => {
    const frames = Buffer.concat([Buffer.alloc(16 * 16 * 4, 255), Buffer.alloc(16 * 16 * 4, 0)]);
    const gif = await sharp(frames, { raw: { width: 16, height: 32, channels: 4, pageHeight: 16 } })
      .gif()
      .toBuffer();
    const decoded = await decodeUpload(gif, limits);
    expect([decoded.width, decoded.height]).toEqual([16, 16]);
    expect(decoded.image.data[3]).toBe(255);
  });

  it('keeps an alpha channel', async () => {
    const png = await sharp({
      create: { width: 10, height: 10, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const decoded = await decodeUpload(png, limits);
    expect(decoded.image.data[3]).toBe(0);
  });

  it('scales a large image down to the working size', async () => {
    const big = await sharp({ create: { width: 3000, height: 1500, channels: 3, background: '#abc' } })
      .png()
      .toBuffer();
    const decoded = await decodeUpload(big, limits);
    expect([decoded.image.width, decoded.image.height]).toEqual([WORKING_MAX, WORKING_MAX / 2]);
    expect([decoded.width, decoded.height]).toEqual([3000, 1500]);
  });

  it('refuses a file that is not an image', async () => {
    await expectAppError(
      decodeUpload(Buffer.from('hello, I am text'), limits),
      'invalid_image',
      /not an image/,
    );
  });

  it('refuses an empty file', async () => {
    await expectAppError(decodeUpload(Buffer.alloc(0), limits), 'invalid_image', /empty/);
  });

  it('refuses a truncated image', async () => {
    const png = await sharp(await characterOnFlatBackground(300))
      .png()
      .toBuffer();
    await expectAppError(
      decodeUpload(png.subarray(0, png.length / 2), limits),
      'invalid_image',
      /damaged|not an image/,
    );
  });

  it('refuses a file over the byte limit', async () => {
    const png = await characterOnFlatBackground(100);
    await expectAppError(decodeUpload(png, { ...limits, maxBytes: 1000 }), 'payload_too_large', /limit is/);
  });

  it('refuses dimensions over the limit from the header alone', async () => {
    await expectAppError(decodeUpload(await pngClaiming(5000, 100), limits), 'image_too_large', /5000×100/);
  });

  it('refuses a decompression bomb before decoding its pixels', async () => {
    await expectAppError(
      decodeUpload(await pngClaiming(60000, 60000), limits),
      'image_too_large',
      /limit is 4096/,
    );
  });

  it('refuses SVG, which is not a supported upload format', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    await expectAppError(decodeUpload(svg, limits), 'invalid_image', /not supported/);
  });
});
