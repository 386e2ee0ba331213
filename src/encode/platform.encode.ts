/**
 * The pipeline's one call per emoji and platform: master frames in, a validated file out.
 * Scales the master to the platform's canvas, retimes it to the platform's rules, walks
 * the format's byte-budget ladder and validates the bytes it produced.
 */
import { AppError } from '../domain/errors.ts';
import type { FrameSequence } from '../domain/image.ts';
import { canvasSize, PLATFORMS, type PlatformFormat, type PlatformId } from '../domain/platforms.ts';
import type { ValidationReport } from '../domain/validation.ts';
import { type EncodeAttempt, fitBudget } from './budget.ladder.ts';
import { EncoderUnavailableError, ffmpegStatus } from './ffmpeg.ts';
import { resizeFrames } from './frames.resize.ts';
import { fitFrameRate, keepFrames, platformDuration, platformPlays } from './frames.timing.ts';
import { validateFile } from './validate.file.ts';

export interface EncodeForPlatformOptions {
  /** 0-based position in the set; names the file (`fileName`). */
  index?: number;
  /** ffmpeg binary for WebM (default `ffmpeg` on PATH). */
  ffmpeg?: string;
}

export interface PlatformFile {
  buffer: Buffer;
  /** The decoded file checked against every rule of the platform. */
  report: ValidationReport;
  /** With the dot: `.png`, `.gif`, `.webp`, `.webm`. */
  extension: string;
  contentType: string;
  /** Every rung of the byte-budget ladder that was tried, the kept one last. */
  attempts: EncodeAttempt[];
  /** The file's name in the platform's ZIP, when `index` was given. */
  fileName?: string;
  width: number;
  height: number;
}

/** Extension and MIME type of each format (APNG keeps `.png`, as LINE requires). */
export const FORMAT_FILES: Readonly<Record<PlatformFormat, { extension: string; contentType: string }>> = {
  apng: { extension: '.png', contentType: 'image/png' },
  gif: { extension: '.gif', contentType: 'image/gif' },
  webp: { extension: '.webp', contentType: 'image/webp' },
  webm: { extension: '.webm', contentType: 'video/webm' },
};

function checkMaster(master: FrameSequence): void {
  const bad = (m: string) => new AppError('bad_request', `encodeForPlatform: ${m}`);
  if (master.frames.length < 1) throw bad('the master has no frames');
  const size = master.width * master.height * 4;
  if (master.frames.some((f) => f.length !== size))
    throw bad(`a master frame is not ${master.width}x${master.height} RGBA`);
  if (!(master.durationMs > 0)) throw bad(`invalid durationMs ${master.durationMs}`);
}

/**
 * The master's frames and timing as `platform` plays them: at most the platform's loop
 * time (longer loops are played faster), frame rate and frame count, frame 0 always kept.
 */
export function platformTiming(master: FrameSequence, platform: PlatformId): FrameSequence {
  const rules = PLATFORMS[platform];
  let seq: FrameSequence = { ...master, durationMs: platformDuration(master.durationMs, rules) };
  seq = fitFrameRate(seq, rules);
  if (rules.maxFrames !== undefined) seq = keepFrames(seq, rules.maxFrames);
  return seq;
}

/**
 * Everything the first rung of `platform`'s ladder depends on: two platforms with the same
 * signature make byte-identical files from one master (Discord's and Slack's 128 px GIFs)
 * until a byte budget makes one of them step down.
 */
export function encodeSignature(master: FrameSequence, platform: PlatformId): string {
  const rules = PLATFORMS[platform];
  const timed = platformTiming(master, platform);
  const size = canvasSize(rules, master.width, master.height);
  const frames = timed.frames.map((f) => master.frames.indexOf(f)).join(',');
  const plays = platformPlays(timed.durationMs, rules);
  return `${rules.format} ${size.width}x${size.height} ${timed.durationMs} ms, plays ${plays}, frames ${frames}`;
}

/** Encodes one emoji for one platform from its master frames and validates the file. */
export async function encodeForPlatform(
  master: FrameSequence,
  platform: PlatformId,
  opts: EncodeForPlatformOptions = {},
): Promise<PlatformFile> {
  const rules = PLATFORMS[platform];
  checkMaster(master);
  if (rules.format === 'webm') {
    const status = await ffmpegStatus(opts.ffmpeg);
    if (!status.available)
      throw new EncoderUnavailableError(`${rules.label} is not available: ${status.reason}`);
  }
  const timed = platformTiming(master, platform);
  const size = canvasSize(rules, master.width, master.height);
  const seq = await resizeFrames(timed, size.width, size.height);
  const plays = platformPlays(seq.durationMs, rules);
  const { buffer, attempts } = await fitBudget(seq, rules.format, rules.maxBytes, rules.minFrames ?? 1, {
    plays,
    ffmpeg: opts.ffmpeg,
  });
  const report = await validateFile(buffer, platform, { ffmpeg: opts.ffmpeg });
  return {
    buffer,
    report,
    ...FORMAT_FILES[rules.format],
    attempts,
    ...(opts.index !== undefined ? { fileName: rules.fileName(opts.index) } : {}),
    width: seq.width,
    height: seq.height,
  };
}
