import sharp from 'sharp';
import type { RgbaImage } from '../domain/image.ts';

/** Lossless PNG of an RGBA image, for intermediate files (fast settings: written once, read a few times). */
export async function toPng(img: RgbaImage): Promise<Buffer> {
  return sharp(img.data, { raw: { width: img.width, height: img.height, channels: 4 } })
    .png({ compressionLevel: 1 })
    .toBuffer();
}

/** Decodes a PNG written by `toPng` (or any image sharp reads) back into RGBA. */
export async function fromPng(buf: Uint8Array): Promise<RgbaImage> {
  const { data, info } = await sharp(buf).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data) };
}
