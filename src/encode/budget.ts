/**
 * Fits an animation under a platform's byte budget by walking down a quality ladder,
 * then validates the result. The report is returned as it is, failing or not.
 */
import { AppError } from '../domain/errors.ts';
import type { FrameSequence } from '../domain/image.ts';
import { PLATFORMS, type PlatformId } from '../domain/platforms.ts';
import type { ValidationReport } from '../domain/validation.ts';
import { encodeApng } from './apng.encoder.ts';
import { validateAnimatedFile } from './validate.ts';

export interface FitAttempt {
  colors: number;
  dither: number;
  frames: number;
  bytes: number;
}

export interface FitResult {
  buffer: Buffer;
  report: ValidationReport;
  attempts: FitAttempt[];
}

/** Colour steps first (they cost least quality), then calmer dithering (dither noise compresses badly). */
const COLOR_STEPS = [256, 192, 128, 96, 64] as const;
const DITHER_STEPS = [0.75, 0.5, 0.25, 0] as const;
/** Last resort once frames cannot be halved any more. */
const FINAL_COLOR_STEPS = [48, 32, 16] as const;

/** Keeps frames 0, 2, 4, …; the loop time stays the same, so each kept frame shows twice as long. */
function halveFrames(seq: FrameSequence): FrameSequence {
  return { ...seq, frames: seq.frames.filter((_, i) => i % 2 === 0) };
}

interface Step {
  seq: FrameSequence;
  colors: number;
  dither: number;
}

/** The quality ladder, best first; each step lowers one setting of the step before. */
function* ladder(seq: FrameSequence, minFrames: number): Generator<Step> {
  let step: Step = { seq, colors: COLOR_STEPS[0], dither: 1 };
  const next = (change: Partial<Step>): Step => {
    step = { ...step, ...change };
    return step;
  };
  for (const colors of COLOR_STEPS) yield next({ colors });
  for (const dither of DITHER_STEPS) yield next({ dither });
  while (Math.ceil(step.seq.frames.length / 2) >= minFrames) yield next({ seq: halveFrames(step.seq) });
  for (const colors of FINAL_COLOR_STEPS) yield next({ colors });
}

/** Encodes `seq` for an APNG platform, lowering quality step by step until it fits the byte budget. */
export async function fitToPlatform(seq: FrameSequence, platform: PlatformId): Promise<FitResult> {
  const rules = PLATFORMS[platform];
  if (rules.format !== 'apng') {
    throw new AppError(
      'bad_request',
      `fitToPlatform encodes APNG platforms; ${platform} uses ${rules.format}`,
    );
  }
  if (seq.width !== rules.width || seq.height !== rules.height) {
    throw new AppError(
      'bad_request',
      `frames are ${seq.width}x${seq.height}, ${platform} needs ${rules.width}x${rules.height}; resize before encoding`,
    );
  }
  const attempts: FitAttempt[] = [];
  let buffer: Buffer = Buffer.alloc(0);
  for (const { seq: s, colors, dither } of ladder(seq, rules.minFrames ?? 1)) {
    buffer = await encodeApng(s, { colors, dither });
    attempts.push({ colors, dither, frames: s.frames.length, bytes: buffer.length });
    if (buffer.length <= rules.maxBytes) break;
  }
  return { buffer, report: validateAnimatedFile(buffer, platform), attempts };
}
