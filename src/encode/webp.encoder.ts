/**
 * Animated WebP through sharp (libwebp's animation encoder): lossy colour with a lossless
 * alpha plane, so edges keep their exact transparency while colour costs few bytes.
 */
import sharp from 'sharp';
import { AppError } from '../domain/errors.ts';
import type { FrameSequence } from '../domain/image.ts';
import { unitDelays } from './frames.timing.ts';
import { ALPHA_SHIFT, words } from './palette.remap.ts';
import { withScratch } from './scratch.pool.ts';

export interface WebpOptions {
  /** libwebp quality 1..100 (default 80). */
  quality?: number;
  /** Quality of the alpha plane 0..100 (default 100: lossless alpha). */
  alphaQuality?: number;
  /** libwebp effort 0..6. */
  effort?: number;
  /** Per-frame delays in ms; by default the loop time spread so that it adds up. */
  delaysMs?: readonly number[];
  /** 0 loops forever (default). */
  loop?: number;
}

/**
 * effort 2: on a 512 px, 16-frame emoji, effort 4 saved ~3% of the bytes for ~1.6× the
 * time, and WebM/WebP are the slow half of a 7-platform set.
 */
const DEFAULT_EFFORT = 2;
/**
 * libwebp's sharp RGB→YUV conversion is off. On 6 engine emojis (512 px, 16 frames,
 * effort 2) it took 406 ms against 184 ms an emoji, more than any other target's whole
 * encode, for 42.9 dB against 40.6 dB PSNR at quality 80 and the same SSIM (0.9969). The
 * ladder starts at quality 85 instead: 185 ms, 272 KB against 266 KB, 41.2 dB, SSIM 0.9975.
 */
const SMART_SUBSAMPLE = false;

/** Encodes straight-RGBA frames as an animated WebP. */
export async function encodeWebp(seq: FrameSequence, opts: WebpOptions = {}): Promise<Buffer> {
  const { width, height, frames } = seq;
  const delay = [...(opts.delaysMs ?? unitDelays(seq.durationMs, frames.length, 1))];
  if (frames.length < 1) throw new AppError('bad_request', 'encodeWebp: no frames');
  if (delay.length !== frames.length) throw new AppError('bad_request', 'encodeWebp: one delay per frame');
  // Invisible pixels must be transparent black, so libwebp spends no bits on their colour.
  // Frames that already are (the built-in engine's) and lie in one block go to libwebp as
  // they are; others are copied into one strip and cleaned there.
  const { transparent, clean } = alphaFacts(frames);
  const view = clean ? framesView(frames) : null;
  if (view) return encodeStrip(view, seq, delay, opts, transparent);
  return withScratch(width * height * 4 * frames.length, (strip) => {
    for (let i = 0; i < frames.length; i++) strip.set(frames[i], i * width * height * 4);
    const px = new Uint32Array(strip.buffer, strip.byteOffset, strip.length >> 2);
    for (let p = 0; p < px.length; p++) if (((px[p] >>> ALPHA_SHIFT) & 0xff) === 0) px[p] = 0;
    return encodeStrip(strip, seq, delay, opts, transparent);
  });
}

/**
 * The frames' bytes in order without a copy, where they lie back to back in one block (the
 * built-in engine draws a loop into one): 16 MB for a 512 px, 16-frame loop.
 */
function framesView(frames: readonly Uint8Array[]): Buffer | null {
  const first = frames[0];
  if (!first) return null;
  const adjacent = frames.every(
    (f, i) => f.buffer === first.buffer && f.byteOffset === first.byteOffset + i * first.byteLength,
  );
  return adjacent ? Buffer.from(first.buffer, first.byteOffset, first.byteLength * frames.length) : null;
}

/**
 * Whether any pixel is not opaque, and whether every invisible pixel is already 0,0,0,0.
 * Alpha is read off whole words (one load a pixel instead of two: ~100 → ~25 ms on a
 * 512 px, 16-frame emoji).
 */
function alphaFacts(frames: readonly Uint8Array[]): { transparent: boolean; clean: boolean } {
  let transparent = false;
  let clean = true;
  for (const frame of frames) {
    const px = words(frame);
    for (let p = 0; p < px.length; p++) {
      const word = px[p];
      const a = (word >>> ALPHA_SHIFT) & 0xff;
      if (a === 255) continue;
      transparent = true;
      if (a === 0 && word !== 0) clean = false;
    }
  }
  return { transparent, clean };
}

async function encodeStrip(
  strip: Buffer,
  seq: FrameSequence,
  delay: number[],
  opts: WebpOptions,
  transparent: boolean,
): Promise<Buffer> {
  const { width, height, frames } = seq;
  const webp = await sharp(strip, {
    raw: { width, height: height * frames.length, channels: 4, pageHeight: height },
  })
    .webp({
      quality: opts.quality ?? 80,
      alphaQuality: opts.alphaQuality ?? 100,
      effort: opts.effort ?? DEFAULT_EFFORT,
      smartSubsample: SMART_SUBSAMPLE,
      delay,
      loop: opts.loop ?? 0,
    })
    .toBuffer();
  return transparent ? withAlphaFlag(webp) : webp;
}

/**
 * libwebp crops each frame to the pixels that change and sets the VP8X alpha flag only
 * when a cropped frame holds partial alpha; a character with hard edges then loses the
 * flag although everything around it is transparent canvas, and strict readers would
 * show that canvas opaque. The flag means "may contain transparency", so it is set.
 */
function withAlphaFlag(webp: Buffer): Buffer {
  const isVp8x = webp.toString('latin1', 12, 16) === 'VP8X';
  if (isVp8x) webp[20] |= 0x10;
  return webp;
}
