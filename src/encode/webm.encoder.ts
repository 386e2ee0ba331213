/**
 * WebM (VP9 with alpha, no audio) through ffmpeg and libvpx. Frames go in on stdin as raw
 * RGBA; the file is written to a temporary path because the Matroska muxer only records
 * the duration and cues when it can seek back, and players read the duration from there.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../domain/errors.ts';
import type { FrameSequence } from '../domain/image.ts';
import { EncoderUnavailableError, ffmpegStatus, runFfmpeg } from './ffmpeg.ts';

export interface WebmOptions {
  /** VP9 constant-quality level 0..63, lower is better (default 30). */
  crf?: number;
  /** ffmpeg binary (default `ffmpeg` on PATH). */
  ffmpeg?: string;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** The frame rate of `frames` frames over `durationMs` as an exact ffmpeg rational, e.g. `20/3`. */
export function frameRate(frames: number, durationMs: number): string {
  const num = Math.round(frames * 1000);
  const den = Math.round(durationMs);
  const g = gcd(num, den);
  return `${num / g}/${den / g}`;
}

/**
 * Speed: `-deadline realtime -cpu-used 8` is libvpx's fastest VP9 mode; on a 512 px,
 * 16-frame emoji it took ~0.35 s of CPU (plus ~0.17 s to start ffmpeg) against several
 * seconds for `good`. `-threads 1`: the worker already runs two encodes on two cores.
 * `-auto-alt-ref 0`: libvpx cannot use alt-ref frames together with an alpha plane.
 * `-g 600`: one keyframe, at the start, for a loop of at most a few seconds.
 * `-fflags +bitexact`: without it the Matroska muxer writes a random SegmentUID, so the
 * same frames gave different bytes on every run.
 * `-lag-in-frames 0`: realtime mode does not look ahead, yet libvpx kept 25 frames of
 * buffers; without them the bytes are identical, peak memory fell from 168 to 121 MB and
 * the encode from 133 to 107 ms (one 512 px, 16-frame emoji).
 */
function args(seq: FrameSequence, crf: number, input: string, out: string): string[] {
  return [
    ...['-hide_banner', '-loglevel', 'error', '-y'],
    ...['-f', 'rawvideo', '-pix_fmt', 'rgba', '-s', `${seq.width}x${seq.height}`],
    ...['-framerate', frameRate(seq.frames.length, seq.durationMs), '-i', input],
    ...['-an', '-c:v', 'libvpx-vp9', '-pix_fmt', 'yuva420p'],
    ...[
      '-deadline',
      'realtime',
      '-cpu-used',
      '8',
      '-threads',
      '1',
      '-auto-alt-ref',
      '0',
      '-lag-in-frames',
      '0',
    ],
    ...['-g', '600'],
    ...['-b:v', '0', '-crf', String(crf), '-fflags', '+bitexact', '-f', 'webm', out],
  ];
}

/** Encodes straight-RGBA frames as a VP9 WebM with alpha; throws EncoderUnavailableError without ffmpeg. */
export async function encodeWebm(seq: FrameSequence, opts: WebmOptions = {}): Promise<Buffer> {
  const bin = opts.ffmpeg ?? 'ffmpeg';
  const crf = opts.crf ?? 30;
  if (!Number.isInteger(crf) || crf < 0 || crf > 63)
    throw new AppError('bad_request', `encodeWebm: crf ${crf} is not 0..63`);
  if (seq.frames.length < 1) throw new AppError('bad_request', 'encodeWebm: no frames');
  const status = await ffmpegStatus(bin);
  if (!status.available) throw new EncoderUnavailableError(`cannot make WebM: ${status.reason}`);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'popcon-webm-'));
  const input = path.join(dir, 'frames.rgba');
  const out = path.join(dir, 'out.webm');
  try {
    // From a file rather than a pipe: ffmpeg is started by another process (see runFfmpeg),
    // and 16 MB of frames written once cost less than passed through it.
    await fs.writeFile(input, seq.frames);
    await runFfmpeg(bin, args(seq, crf, input, out));
    return await fs.readFile(out);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/**
 * Decodes a VP9 WebM to raw straight-RGBA frames, one after another, with libvpx (the
 * native VP9 decoder drops the alpha plane); at most `maxFrames` when given.
 */
export async function decodeWebmRgba(buf: Uint8Array, bin = 'ffmpeg', maxFrames?: number): Promise<Buffer> {
  const { stdout } = await runFfmpeg(
    bin,
    [
      ...['-hide_banner', '-loglevel', 'error', '-c:v', 'libvpx-vp9', '-i', 'pipe:0'],
      ...(maxFrames === undefined ? [] : ['-frames:v', String(maxFrames)]),
      ...['-f', 'rawvideo', '-pix_fmt', 'rgba', 'pipe:1'],
    ],
    buf,
  );
  return stdout;
}

/** Decodes the first frame of a VP9 WebM to straight RGBA. Returns null when ffmpeg is not available. */
export async function decodeWebmFirstFrame(
  buf: Uint8Array,
  width: number,
  height: number,
  bin = 'ffmpeg',
): Promise<Uint8Array | null> {
  if (!(await ffmpegStatus(bin)).available) return null;
  const stdout = await decodeWebmRgba(buf, bin, 1);
  if (stdout.length !== width * height * 4) {
    throw new AppError(
      'invalid_image',
      `the first frame decodes to ${stdout.length} bytes, not ${width}x${height} RGBA`,
    );
  }
  return new Uint8Array(stdout.buffer, stdout.byteOffset, stdout.length);
}
