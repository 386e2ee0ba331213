/**
 * The frames of the exact file a platform receives, decoded, for the frame
 * scrubber: one horizontal strip PNG and each frame's delay. Decoding the file
 * itself (not the master) shows what the byte-budget ladder kept: dropped
 * frames, reduced colours, GIF's hard edges.
 */
import sharp from 'sharp';
import type { PlatformFormat } from '../domain/platforms.ts';
import {
  decodeApng,
  decodeGif,
  decodeWebmRgba,
  EncoderUnavailableError,
  ffmpegStatus,
  parseWebm,
} from '../encode/index.ts';

export interface DecodedFrames {
  width: number;
  height: number;
  frames: Uint8Array[];
  delaysMs: number[];
}

/** The scrubber shows frames at most this tall: 512 px stickers halve, crisply. */
const MAX_STRIP_SIDE = 360;

/** Decodes every frame of a platform file to straight RGBA at its own size. */
export async function decodePlatformFile(
  buf: Buffer,
  format: PlatformFormat,
  ffmpeg = 'ffmpeg',
): Promise<DecodedFrames> {
  switch (format) {
    case 'apng': {
      const a = decodeApng(buf);
      return {
        width: a.width,
        height: a.height,
        frames: a.frames.map((f) => f.rgba),
        delaysMs: a.frames.map((f) => (1000 * f.delayNum) / f.delayDen),
      };
    }
    case 'gif': {
      const g = decodeGif(buf);
      return {
        width: g.width,
        height: g.height,
        frames: g.frames.map((f) => f.rgba),
        delaysMs: g.frames.map((f) => f.delayCs * 10),
      };
    }
    case 'webp': {
      const meta = await sharp(buf).metadata();
      const width = meta.width ?? 0;
      const height = meta.pageHeight ?? meta.height ?? 0;
      const raw = await sharp(buf, { pages: -1 }).ensureAlpha().raw().toBuffer();
      const frames = split(raw, width, height);
      return { width, height, frames, delaysMs: meta.delay ?? frames.map(() => 100) };
    }
    case 'webm': {
      if (!(await ffmpegStatus(ffmpeg)).available)
        throw new EncoderUnavailableError('cannot decode WebM without ffmpeg');
      const info = parseWebm(buf);
      const video = info.tracks.find((t) => t.type === 1);
      const width = video?.width ?? 0;
      const height = video?.height ?? 0;
      const stdout = await decodeWebmRgba(buf, ffmpeg);
      const frames = split(stdout, width, height);
      const each = (info.durationMs ?? frames.length * 100) / Math.max(1, frames.length);
      return { width, height, frames, delaysMs: frames.map(() => each) };
    }
  }
}

function split(raw: Buffer, width: number, height: number): Uint8Array[] {
  const size = width * height * 4;
  if (size === 0) return [];
  return Array.from(
    { length: Math.floor(raw.length / size) },
    (_, i) => new Uint8Array(raw.subarray(i * size, (i + 1) * size)),
  );
}

/** The frames side by side in one PNG, scaled down by a whole factor when they are large. */
export async function frameStrip(
  decoded: DecodedFrames,
): Promise<{ png: Buffer; frameWidth: number; frameHeight: number }> {
  const { width, height, frames } = decoded;
  const factor = Math.max(1, Math.ceil(Math.max(width, height) / MAX_STRIP_SIDE));
  const frameWidth = Math.round(width / factor);
  const frameHeight = Math.round(height / factor);
  const tiles = await Promise.all(
    frames.map((f) =>
      sharp(f, { raw: { width, height, channels: 4 } })
        .resize(frameWidth, frameHeight, { kernel: 'lanczos3' })
        .raw()
        .toBuffer(),
    ),
  );
  const png = await sharp({
    create: {
      width: frameWidth * tiles.length,
      height: frameHeight,
      channels: 4,
      background: { r: 0, g: 0, b: 0, alpha: 0 },
    },
  })
    .composite(
      tiles.map((input, i) => ({
        input,
        raw: { width: frameWidth, height: frameHeight, channels: 4 },
        left: i * frameWidth,
        top: 0,
      })),
    )
    .png({ compressionLevel: 6 })
    .toBuffer();
  return { png, frameWidth, frameHeight };
}
