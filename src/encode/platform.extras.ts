/**
 * Per-set files next to the animations (LINE tab and main image, WhatsApp tray icon) and
 * the ZIP layout of each platform, both read from PLATFORMS.
 */
import sharp from 'sharp';
import type { RgbaImage } from '../domain/image.ts';
import { type ExtraImage, PLATFORMS, type PlatformId } from '../domain/platforms.ts';
import { FORMAT_FILES } from './platform.encode.ts';
import { makeTabImage } from './png.encoder.ts';

export interface ZipLayout {
  /** File name of emoji `index` (0-based). */
  fileName: (index: number) => string;
  /** Names of the per-set still images, as `platformExtras` returns them. */
  extras: readonly string[];
  extension: string;
  contentType: string;
}

/** Where each file of `platform`'s set goes in its ZIP. */
export function zipLayout(platform: PlatformId): ZipLayout {
  const rules = PLATFORMS[platform];
  return { fileName: rules.fileName, extras: rules.extras.map((e) => e.name), ...FORMAT_FILES[rules.format] };
}

/** A still PNG of the character fitted into the extra's size, palette-quantised if it is over its byte cap. */
async function extraImage(img: RgbaImage, extra: ExtraImage): Promise<Buffer> {
  const png = await makeTabImage(img, extra.width, extra.height);
  if (extra.maxBytes === undefined || png.length <= extra.maxBytes) return png;
  for (const colors of [256, 64, 16]) {
    const small = await sharp(png)
      .png({ palette: true, colors, dither: 0.5, compressionLevel: 9, effort: 10 })
      .toBuffer();
    if (small.length <= extra.maxBytes) return small;
  }
  throw new Error(`${extra.name} stays over ${extra.maxBytes} bytes even at 16 colours`);
}

/**
 * The per-set still images of `platform` (e.g. LINE `tab.png` 96×74; LINE stickers also
 * `main.png` 240×240; WhatsApp `tray.png` 96×96 ≤ 50 KB), drawn from the cut-out or a first frame.
 */
export async function platformExtras(
  cutoutOrFirstFrame: RgbaImage,
  platform: PlatformId,
): Promise<Record<string, Buffer>> {
  const out: Record<string, Buffer> = {};
  for (const extra of PLATFORMS[platform].extras)
    out[extra.name] = await extraImage(cutoutOrFirstFrame, extra);
  return out;
}
