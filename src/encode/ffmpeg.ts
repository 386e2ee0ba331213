/**
 * The ffmpeg port: finds out once whether ffmpeg with libvpx-vp9 is there, and runs it
 * with bytes in and bytes out. Telegram stickers are the only user; everything else in
 * PopCon works without ffmpeg, so a missing binary is a clear per-platform error.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { AppError } from '../domain/errors.ts';
import { type Outcome, runProcess } from './run-process.mjs';

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

interface LauncherReply {
  id: number;
  code?: number | null;
  signal?: NodeJS.Signals | null;
  stdout?: Uint8Array;
  stderr?: string;
  error?: { message: string; code?: string };
}

interface Launcher {
  child: ChildProcess;
  pending: Map<number, { resolve: (o: Outcome) => void; reject: (e: Error) => void }>;
}

const LAUNCHER_PATH = fileURLToPath(new URL('./ffmpeg.launcher.mjs', import.meta.url));
let launcher: Launcher | null = null;
let nextRequest = 1;

/** The launcher process of this thread, started on first use; null when it cannot start. */
function currentLauncher(): Launcher | null {
  if (launcher?.child.connected) return launcher;
  let child: ChildProcess;
  try {
    // No loaders and no flags of ours: the launcher is plain JavaScript and should stay small.
    child = fork(LAUNCHER_PATH, [], {
      execArgv: [],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
  } catch {
    return null;
  }
  const started: Launcher = { child, pending: new Map() };
  child.on('message', (reply: LauncherReply) => {
    const waiting = started.pending.get(reply.id);
    if (!waiting) return;
    started.pending.delete(reply.id);
    idleUnlessBusy(started);
    if (reply.error) {
      waiting.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }));
      return;
    }
    const stdout = reply.stdout ?? new Uint8Array(0);
    waiting.resolve({
      code: reply.code ?? null,
      signal: reply.signal ?? null,
      stdout: Buffer.from(stdout.buffer, stdout.byteOffset, stdout.byteLength),
      stderr: reply.stderr ?? '',
    });
  });
  const lost = () => {
    if (launcher === started) launcher = null;
    // Not run again from here: what the lost run started may still be writing its output
    // file. The caller fails, and a task's retry starts over in a fresh folder.
    for (const waiting of started.pending.values())
      waiting.reject(new Error('the ffmpeg launcher process stopped before ffmpeg finished'));
    started.pending.clear();
  };
  child.on('exit', lost);
  child.on('error', lost);
  launcher = started;
  idleUnlessBusy(started);
  return started;
}

/** An idle launcher must not keep the process alive; a busy one must. */
function idleUnlessBusy(l: Launcher): void {
  const busy = l.pending.size > 0;
  if (busy) {
    l.child.ref();
    l.child.channel?.ref();
  } else {
    l.child.unref();
    l.child.channel?.unref();
  }
}

function runLaunched(l: Launcher, bin: string, args: readonly string[], stdin: readonly Uint8Array[]) {
  const id = nextRequest++;
  // Shared memory cannot cross to another process; the frames go as one plain copy.
  const bytes = stdin.length === 0 ? [] : [Buffer.concat(stdin)];
  return new Promise<Outcome>((resolve, reject) => {
    l.pending.set(id, { resolve, reject });
    idleUnlessBusy(l);
    l.child.send({ id, bin, args, stdin: bytes, timeoutMs: TIMEOUT_MS }, (err) => {
      if (!err || !l.pending.has(id)) return;
      l.pending.delete(id);
      idleUnlessBusy(l);
      reject(err);
    });
  });
}

/**
 * Runs `bin args…`, feeding `stdin`; rejects with stderr on a non-zero exit, ENOENT or
 * timeout. The binary is started by this thread's launcher process (ffmpeg.launcher.mjs),
 * so the start costs what it costs from a small process, not from this large one; where
 * the launcher cannot start, from here.
 */
export async function runFfmpeg(
  bin: string,
  args: readonly string[],
  stdin: Uint8Array | readonly Uint8Array[] = [],
): Promise<RunResult> {
  const chunks = stdin instanceof Uint8Array ? [stdin] : stdin;
  const l = currentLauncher();
  return succeeded(
    bin,
    l ? await runLaunched(l, bin, args, chunks) : await runProcess(bin, args, chunks, TIMEOUT_MS),
  );
}

/** The output of a run that exited with 0; else an error with how it ended and the end of stderr. */
function succeeded(bin: string, { code, signal, stdout, stderr }: Outcome): RunResult {
  const said = stderr.trim();
  if (code === 0) return { stdout, stderr: said };
  throw new Error(`${bin} ${signal ? `killed by ${signal}` : `exited with ${code}`}: ${said.slice(-500)}`);
}

async function probe(bin: string): Promise<FfmpegStatus> {
  try {
    // Asked once per thread and binary: started from here, without a launcher process for it.
    const { stdout } = succeeded(bin, await runProcess(bin, ['-hide_banner', '-encoders'], [], TIMEOUT_MS));
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
