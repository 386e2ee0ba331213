/**
 * The byte-budget ladders, one per format: settings from best to smallest, tried in order
 * until a file fits. Settings that cost least quality per byte saved come first; frames are
 * dropped (evenly, never frame 0) only once the cheap settings are spent, then the last
 * resorts follow at the reduced frame count.
 */
import type { FrameSequence } from '../domain/image.ts';
import type { PlatformFormat } from '../domain/platforms.ts';
import { encodeApng } from './apng.encoder.ts';
import { keepFrames } from './frames.timing.ts';
import { encodeGif } from './gif.encoder.ts';
import { encodeWebm } from './webm.encoder.ts';
import { encodeWebp } from './webp.encoder.ts';

/** The settings of one rung; which keys apply depends on the format. */
export interface Knobs {
  colors?: number;
  dither?: number;
  tolerance?: number;
  quality?: number;
  alphaQuality?: number;
  crf?: number;
}

/** One encode the fitter tried: its settings, frame count and size. */
export interface EncodeAttempt extends Knobs {
  frames: number;
  bytes: number;
}

interface Ladder {
  /** Rungs at the full frame count. */
  first: readonly Knobs[];
  /** Rungs after the frames were halved as far as the platform allows. */
  last: readonly Knobs[];
}

/**
 * Dithering is off everywhere: on the engine's emojis at 256 colours, Floyd–Steinberg at
 * full strength made APNGs 19% larger and scored lower (PSNR 47.3 vs 49.4 dB, SSIM 0.9978
 * vs 0.9992); at these sizes a 256-colour palette shows no banding worth the noise.
 */
export const LADDERS: Readonly<Record<PlatformFormat, Ladder>> = {
  apng: {
    first: [256, 192, 128, 96, 64].map((colors) => ({ colors, dither: 0 })),
    last: [48, 32, 16].map((colors) => ({ colors, dither: 0 })),
  },
  // GIF's lossy setting bounds a colour error (gif.delta.ts). On a 128 px engine emoji:
  // 256 → 128 colours saved 28% at SSIM 0.968 → 0.967; tolerance 4 saved 19% more at 0.966.
  gif: {
    first: [
      { colors: 256, tolerance: 0 },
      { colors: 192, tolerance: 0 },
      { colors: 128, tolerance: 0 },
      { colors: 128, tolerance: 4 },
      { colors: 96, tolerance: 8 },
      { colors: 64, tolerance: 12 },
      { colors: 64, tolerance: 16 },
    ],
    last: [
      { colors: 48, tolerance: 16 },
      { colors: 32, tolerance: 24 },
      { colors: 16, tolerance: 32 },
    ],
  },
  webp: {
    first: [85, 75, 65, 55, 45, 35].map((quality) => ({ quality, alphaQuality: 100 })),
    last: [
      { quality: 20, alphaQuality: 80 },
      { quality: 10, alphaQuality: 50 },
    ],
  },
  webm: {
    first: [30, 36, 42, 48, 54].map((crf) => ({ crf })),
    last: [58, 63].map((crf) => ({ crf })),
  },
};

export interface Rung {
  seq: FrameSequence;
  knobs: Knobs;
}

/** The ladder's rungs for `seq`, best first; frames never drop below `minFrames`. */
export function* rungs(seq: FrameSequence, format: PlatformFormat, minFrames: number): Generator<Rung> {
  const ladder = LADDERS[format];
  for (const knobs of ladder.first) yield { seq, knobs };
  const knobs = ladder.first[ladder.first.length - 1];
  let s = seq;
  const floor = Math.max(2, minFrames);
  while (Math.ceil(s.frames.length / 2) >= floor) {
    s = keepFrames(s, Math.ceil(s.frames.length / 2));
    yield { seq: s, knobs };
  }
  for (const k of ladder.last) yield { seq: s, knobs: k };
}

export interface EncodeContext {
  /** Plays: 0 forever, n a bounded number of plays. */
  plays: number;
  ffmpeg?: string;
}

/** NETSCAPE counts repeats after the first play (0 = forever); no block at all (-1) means one play. */
function netscapeLoopCount(plays: number): number {
  if (plays === 0) return 0;
  return plays === 1 ? -1 : plays - 1;
}

/** Encodes one rung in `format`. */
export function encodeRung(
  format: PlatformFormat,
  { seq, knobs }: Rung,
  ctx: EncodeContext,
): Promise<Buffer> {
  switch (format) {
    case 'apng':
      return encodeApng(seq, { colors: knobs.colors, dither: knobs.dither, numPlays: ctx.plays });
    case 'gif':
      return encodeGif(seq, {
        colors: knobs.colors,
        dither: knobs.dither,
        tolerance: knobs.tolerance,
        loopCount: netscapeLoopCount(ctx.plays),
      });
    case 'webp':
      return encodeWebp(seq, { quality: knobs.quality, alphaQuality: knobs.alphaQuality, loop: ctx.plays });
    case 'webm':
      return encodeWebm(seq, { crf: knobs.crf, ffmpeg: ctx.ffmpeg });
  }
}

/** Walks the ladder until a file fits `maxBytes`; returns the last file tried and every attempt. */
export async function fitBudget(
  seq: FrameSequence,
  format: PlatformFormat,
  maxBytes: number,
  minFrames: number,
  ctx: EncodeContext,
): Promise<{ buffer: Buffer; attempts: EncodeAttempt[] }> {
  const attempts: EncodeAttempt[] = [];
  let buffer: Buffer = Buffer.alloc(0);
  for (const rung of rungs(seq, format, minFrames)) {
    buffer = await encodeRung(format, rung, ctx);
    attempts.push({ ...rung.knobs, frames: rung.seq.frames.length, bytes: buffer.length });
    if (buffer.length <= maxBytes) break;
  }
  return { buffer, attempts };
}
