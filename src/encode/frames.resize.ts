/**
 * Scales master frames to a platform's canvas. sharp premultiplies alpha around the
 * resampler, so transparent (black) neighbours do not darken anti-aliased edges.
 */
import sharp from 'sharp';
import type { FrameSequence, RgbaImage } from '../domain/image.ts';

/** One straight-RGBA image scaled to `width`×`height` (lanczos3; aspect ratio not kept). */
export async function resizeImage(img: RgbaImage, width: number, height: number): Promise<RgbaImage> {
  if (img.width === width && img.height === height) return img;
  const data = await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 4 } })
    .resize(width, height, { fit: 'fill', kernel: 'lanczos3' })
    .raw()
    .toBuffer();
  return { width, height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}

/**
 * Every frame scaled to `width`×`height`. Frame by frame rather than as one strip, so that
 * the resampling kernel never reaches into the neighbouring frame.
 */
export async function resizeFrames(
  seq: FrameSequence,
  width: number,
  height: number,
): Promise<FrameSequence> {
  if (seq.width === width && seq.height === height) return seq;
  const frames = await Promise.all(
    seq.frames.map(
      async (data) => (await resizeImage({ width: seq.width, height: seq.height, data }, width, height)).data,
    ),
  );
  return { width, height, frames, durationMs: seq.durationMs };
}
