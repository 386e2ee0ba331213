/**
 * Still PNGs: a lossless RGBA encode and the small "tab" image platforms show for a set.
 */
import sharp, { type Sharp } from 'sharp';
import type { RgbaImage } from '../domain/image.ts';

const TAB_MARGIN = 4;
const TRANSPARENT = { r: 0, g: 0, b: 0, alpha: 0 };

/** Bounding box of the pixels with any alpha, or null for a fully transparent image. */
export function alphaBounds(
  img: RgbaImage,
): { left: number; top: number; width: number; height: number } | null {
  let minX = img.width;
  let minY = img.height;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (img.data[(y * img.width + x) * 4 + 3] === 0) continue;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      maxY = y;
    }
  }
  if (maxX < 0) return null;
  return { left: minX, top: minY, width: maxX - minX + 1, height: maxY - minY + 1 };
}

function raw(img: RgbaImage): Sharp {
  return sharp(img.data, { raw: { width: img.width, height: img.height, channels: 4 } });
}

/** Encodes an image as a lossless RGBA PNG at maximum compression. */
export async function encodePng(img: RgbaImage): Promise<Buffer> {
  return raw(img).png({ compressionLevel: 9, adaptiveFiltering: true }).toBuffer();
}

/**
 * Trims `img` to its visible content and fits it, centred with a ~4 px margin, into a
 * transparent `width`×`height` PNG. sharp premultiplies alpha while resizing, so
 * transparent (black) neighbours do not darken the edges.
 */
export async function makeTabImage(img: RgbaImage, width: number, height: number): Promise<Buffer> {
  const margin = Math.min(TAB_MARGIN, Math.floor(Math.min(width, height) / 8));
  const bounds = alphaBounds(img);
  if (!bounds) return encodePng({ width, height, data: new Uint8Array(width * height * 4) });
  const innerW = width - 2 * margin;
  const innerH = height - 2 * margin;
  return raw(img)
    .extract(bounds)
    .resize(innerW, innerH, { fit: 'contain', background: TRANSPARENT, kernel: 'lanczos3' })
    .extend({ top: margin, bottom: margin, left: margin, right: margin, background: TRANSPARENT })
    .png({ compressionLevel: 9, adaptiveFiltering: true })
    .toBuffer();
}
