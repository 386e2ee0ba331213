import sharp, { type Metadata } from 'sharp';
import { AppError } from '../domain/errors.ts';
import type { RgbaImage } from '../domain/image.ts';
import { bmpDimensions, decodeBmp } from './bmp.decoder.ts';

export type UploadFormat = 'png' | 'jpeg' | 'webp' | 'gif' | 'bmp' | 'tiff';

export interface UploadLimits {
  maxBytes: number;
  maxDimension: number;
}

export interface DecodedUpload {
  format: UploadFormat;
  /** Size of the original image. */
  width: number;
  height: number;
  /** The pixels, metadata stripped, scaled to fit `WORKING_MAX` on the long side. */
  image: RgbaImage;
}

/** Long side of the working copy: the engine's cut-out canvas is 512 px, so 1024 keeps detail to spare. */
export const WORKING_MAX = 1024;

const SHARP_FORMATS: Record<string, UploadFormat> = {
  png: 'png',
  jpeg: 'jpeg',
  webp: 'webp',
  gif: 'gif',
  tiff: 'tiff',
};

/**
 * Decodes an uploaded character image fully (so a truncated or corrupt file is
 * refused now, not later in the pipeline), refusing anything that is not one of
 * the supported formats or is larger than the limits. GIFs give their first frame.
 */
export async function decodeUpload(bytes: Uint8Array, limits: UploadLimits): Promise<DecodedUpload> {
  if (bytes.length === 0) throw new AppError('invalid_image', 'the uploaded file is empty');
  if (bytes.length > limits.maxBytes) {
    throw new AppError(
      'payload_too_large',
      `the image is ${formatMb(bytes.length)}; the limit is ${formatMb(limits.maxBytes)}`,
    );
  }
  if (bytes[0] === 0x42 && bytes[1] === 0x4d) return decodeBmpUpload(bytes, limits);

  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new AppError(
      'invalid_image',
      'the file is not an image PopCon can read (PNG, JPEG, WebP, GIF, BMP or TIFF)',
    );
  }
  const format = meta.format ? SHARP_FORMATS[meta.format] : undefined;
  if (!format) {
    throw new AppError(
      'invalid_image',
      `${meta.format ?? 'this'} images are not supported; use PNG, JPEG, WebP, GIF, BMP or TIFF`,
    );
  }
  // Checked from the header before any pixel is decoded: a decompression bomb is refused cheaply.
  checkDimensions(meta.width ?? 0, meta.pageHeight ?? meta.height ?? 0, limits);
  const width = meta.width ?? 0;
  const height = meta.pageHeight ?? meta.height ?? 0;
  try {
    const { data, info } = await sharp(bytes, {
      limitInputPixels: limits.maxDimension * limits.maxDimension,
      failOn: 'error',
      pages: 1,
    })
      .rotate()
      .resize({ width: WORKING_MAX, height: WORKING_MAX, fit: 'inside', withoutEnlargement: true })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return {
      format,
      width,
      height,
      image: { width: info.width, height: info.height, data: new Uint8Array(data) },
    };
  } catch {
    throw new AppError('invalid_image', `the ${format.toUpperCase()} file is damaged or incomplete`);
  }
}

async function decodeBmpUpload(bytes: Uint8Array, limits: UploadLimits): Promise<DecodedUpload> {
  let dims: { width: number; height: number };
  try {
    dims = bmpDimensions(bytes);
  } catch {
    throw new AppError('invalid_image', 'the BMP file is damaged or incomplete');
  }
  checkDimensions(dims.width, dims.height, limits);
  let full: RgbaImage;
  try {
    full = decodeBmp(bytes);
  } catch (err) {
    const reason = err instanceof Error ? err.message : 'unreadable';
    throw new AppError('invalid_image', `the BMP file cannot be read: ${reason}`);
  }
  const { data, info } = await sharp(full.data, {
    raw: { width: full.width, height: full.height, channels: 4 },
  })
    .resize({ width: WORKING_MAX, height: WORKING_MAX, fit: 'inside', withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    format: 'bmp',
    width: full.width,
    height: full.height,
    image: { width: info.width, height: info.height, data: new Uint8Array(data) },
  };
}

function checkDimensions(width: number, height: number, limits: UploadLimits): void {
  if (width <= 0 || height <= 0) throw new AppError('invalid_image', 'the image has no pixels');
  if (width > limits.maxDimension || height > limits.maxDimension) {
    throw new AppError(
      'image_too_large',
      `the image is ${width}×${height} px; the limit is ${limits.maxDimension} px on each side`,
    );
  }
}

function formatMb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
