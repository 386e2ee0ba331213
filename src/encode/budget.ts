/**
 * Fits an APNG animation under a platform's byte budget by walking down the quality ladder
 * (budget.ladder.ts), then validates the result. The report is returned as it is, failing or not.
 * `encodeForPlatform` (platform.encode.ts) does the same for every format from a master.
 */
import { AppError } from '../domain/errors.ts';
import type { FrameSequence } from '../domain/image.ts';
import { PLATFORMS, type PlatformId } from '../domain/platforms.ts';
import type { ValidationReport } from '../domain/validation.ts';
import { type EncodeAttempt, fitBudget } from './budget.ladder.ts';
import { platformPlays } from './frames.timing.ts';
import { validateAnimatedFile } from './validate.ts';

/** One encode the fitter tried. */
export type FitAttempt = EncodeAttempt;

export interface FitResult {
  buffer: Buffer;
  report: ValidationReport;
  attempts: FitAttempt[];
}

/** Encodes `seq` (already at the platform's size) for an APNG platform, lowering quality until it fits. */
export async function fitToPlatform(seq: FrameSequence, platform: PlatformId): Promise<FitResult> {
  const rules = PLATFORMS[platform];
  if (rules.format !== 'apng') {
    throw new AppError(
      'bad_request',
      `fitToPlatform encodes APNG platforms; ${platform} uses ${rules.format}`,
    );
  }
  const fits =
    rules.minSide === undefined
      ? seq.width === rules.width && seq.height === rules.height
      : seq.width <= rules.width && seq.height <= rules.height;
  if (!fits) {
    throw new AppError(
      'bad_request',
      `frames are ${seq.width}x${seq.height}, ${platform} needs ${rules.width}x${rules.height}; resize before encoding`,
    );
  }
  const plays = platformPlays(seq.durationMs, rules);
  const { buffer, attempts } = await fitBudget(seq, 'apng', rules.maxBytes, rules.minFrames ?? 1, { plays });
  return { buffer, report: validateAnimatedFile(buffer, platform), attempts };
}
