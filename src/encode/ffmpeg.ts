/**
 * The ffmpeg port: finds out once whether ffmpeg with libvpx-vp9 is there, and runs it
 * with bytes in and bytes out. Telegram stickers are the only user; everything else in
 * PopCon works without ffmpeg, so a missing binary is a clear per-platform error.
 */
import { spawn } from 'node:child_process';
import { AppError } from '../domain/errors.ts';

export interface FfmpegStatus {
  available: boolean;
  /** Why ffmpeg cannot be used, for the error a user sees. */
  reason?: string;
}

/** Thrown when a platform needs a tool this machine lacks; the message says what to install. */
export class EncoderUnavailableError extends AppError {
  constructor(message: string) {
    super('unknown_platform', message);
    this.name = 'EncoderUnavailableError';
  }
}

/** A VP9 encode of 20 frames at 512 px takes well under a second; 60 s means a hung process. */
const TIMEOUT_MS = 60_000;

const statusCache = new Map<string, Promise<FfmpegStatus>>();

interface RunResult {
  stdout: Buffer;
  stderr: string;
}

/**
 * Runs `bin args…`, feeding `stdin` (chunks are written one by one, so frames need no
 * joined copy); rejects with stderr on a non-zero exit, ENOENT or timeout.
 */
export function runFfmpeg(
  bin: string,
  args: readonly string[],
  stdin: Uint8Array | readonly Uint8Array[] = [],
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const stderr = Buffer.concat(err).toString().trim();
      if (code === 0) resolve({ stdout: Buffer.concat(out), stderr });
      else
        reject(
          new Error(
            `${bin} ${signal ? `killed by ${signal}` : `exited with ${code}`}: ${stderr.slice(-500)}`,
          ),
        );
    });
    // A process that exits early closes stdin; the resulting EPIPE is reported through 'close'.
    child.stdin.on('error', () => {});
    for (const chunk of stdin instanceof Uint8Array ? [stdin] : stdin) child.stdin.write(chunk);
    child.stdin.end();
  });
}

async function probe(bin: string): Promise<FfmpegStatus> {
  try {
    const { stdout } = await runFfmpeg(bin, ['-hide_banner', '-encoders']);
    if (/\blibvpx-vp9\b/.test(stdout.toString())) return { available: true };
    return {
      available: false,
      reason: `${bin} has no libvpx-vp9 encoder (install an ffmpeg built with libvpx)`,
    };
  } catch (err) {
    const missing = (err as { code?: string }).code === 'ENOENT';
    return {
      available: false,
      reason: missing
        ? `${bin} is not installed (Telegram video stickers need ffmpeg with libvpx-vp9, e.g. apt-get install ffmpeg)`
        : `${bin} does not run: ${(err as Error).message}`,
    };
  }
}

/** Whether `bin` (default `ffmpeg` on PATH) can encode VP9; asked once per binary. */
export function ffmpegStatus(bin = 'ffmpeg'): Promise<FfmpegStatus> {
  let status = statusCache.get(bin);
  if (!status) {
    status = probe(bin);
    statusCache.set(bin, status);
  }
  return status;
}
