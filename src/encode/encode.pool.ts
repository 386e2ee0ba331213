/**
 * A pool of worker threads that run encodeForPlatform, so that a set's encodes use every
 * core: the encoders' JavaScript (palette mapping, deltas, LZW, validation decodes) runs
 * on one thread per call, and the worker that runs the pipeline has only one.
 *
 * Each thread takes one encode at a time and the rest wait in order. A thread that dies
 * (a crash, an out-of-memory abort) fails the encode it was running and is replaced by a
 * fresh one on the next call. Results are exactly encodeForPlatform's: the same bytes,
 * the same report, and errors as the same classes with the same codes.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { AppError } from '../domain/errors.ts';
import type { FrameSequence } from '../domain/image.ts';
import type { PlatformId } from '../domain/platforms.ts';
import type { RenderCall } from '../engine/render-call.ts';
import { type EncodeReply, type EncodeRequest, type PoolRequest, reviveError } from './encode.messages.ts';
import type { EncodeForPlatformOptions, PlatformFile } from './platform.encode.ts';

export interface EncodePoolOptions {
  /** Worker threads (default os.availableParallelism()). */
  size?: number;
}

export interface PoolEncodeOptions extends EncodeForPlatformOptions {
  /**
   * Hand the master's frame memory to the worker instead of copying it: no copy is made,
   * and the caller's frames are detached (empty) afterwards. Off by default.
   */
  transfer?: boolean;
}

export interface EncodePool {
  /** Number of worker threads. */
  readonly size: number;
  /** encodeForPlatform on a worker thread: the same file, report and errors. */
  encode(master: FrameSequence, platform: PlatformId, opts?: PoolEncodeOptions): Promise<PlatformFile>;
  /**
   * A render of the built-in engine on a worker thread, in turn with the encodes: the same
   * frames as calling it here, in shared memory. Drawing a 512 px loop holds its thread for
   * a few hundred milliseconds, which on the pipeline's thread would stall the HTTP server
   * and the progress stream that share it.
   */
  render(call: RenderCall): Promise<FrameSequence>;
  /** Lets running encodes finish, then stops every thread; later calls are refused. */
  close(): Promise<void>;
  /** The threads alive now, for diagnostics and tests. */
  threads(): readonly Worker[];
}

type Success = Extract<EncodeReply, { ok: true }>;

interface Task {
  id: number;
  request: PoolRequest;
  transferList: ArrayBuffer[];
  resolve: (reply: Success) => void;
  reject: (err: Error) => void;
}

interface Lane {
  worker: Worker | null;
  task: Task | null;
  /** The last 'error' event of the current thread, reported if it then exits. */
  crash: Error | null;
}

const WORKER_URL = new URL('./encode.worker.mjs', import.meta.url);

/**
 * The frames as they cross to a worker: moved when `transfer` allows it and the memory holds
 * nothing but frames, else copied once into shared memory (which the worker reads in place).
 */
export function wireFrames(
  frames: readonly Uint8Array[],
  transfer: boolean,
): { frames: Uint8Array[]; transferList: ArrayBuffer[] } {
  const users = new Map<ArrayBufferLike, number>();
  for (const f of frames) users.set(f.buffer, (users.get(f.buffer) ?? 0) + f.byteLength);
  const movable = (f: Uint8Array) =>
    transfer && f.buffer instanceof ArrayBuffer && users.get(f.buffer) === f.buffer.byteLength;
  const keep = (f: Uint8Array) => f.buffer instanceof SharedArrayBuffer || movable(f);
  const copied = frames.filter((f) => !keep(f));
  const shared = new SharedArrayBuffer(copied.reduce((n, f) => n + f.byteLength, 0));
  let at = 0;
  const out = frames.map((f) => {
    if (keep(f)) return f;
    const view = new Uint8Array(shared, at, f.byteLength);
    view.set(f);
    at += f.byteLength;
    return view;
  });
  const transferList = [...new Set(frames.filter(movable).map((f) => f.buffer as ArrayBuffer))];
  return { frames: out, transferList };
}

/**
 * The master with its frames copied once into shared memory: every encode of it then
 * reaches the worker threads without another copy (one master, 7 targets: one 16 MB copy
 * instead of seven).
 */
export function shareFrames(master: FrameSequence): FrameSequence {
  return { ...master, frames: wireFrames(master.frames, false).frames };
}

function platformFile(reply: Success): PlatformFile {
  if (!('file' in reply)) throw new Error('unreachable: an encode replied with frames');
  const { buffer } = reply.file;
  return { ...reply.file, buffer: Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength) };
}

/** Starts a pool of encode worker threads (threads start on first use). */
export function createEncodePool(options: EncodePoolOptions = {}): EncodePool {
  const size = options.size ?? os.availableParallelism();
  if (!Number.isInteger(size) || size < 1) {
    throw new AppError('bad_request', `createEncodePool: size must be a positive integer, got ${size}`);
  }
  const lanes: Lane[] = Array.from({ length: size }, () => ({ worker: null, task: null, crash: null }));
  const queue: Task[] = [];
  let nextId = 1;
  let closed = false;
  let drained: (() => void) | null = null;

  const idle = () => lanes.every((l) => l.task === null) && queue.length === 0;

  function spawn(lane: Lane): Worker {
    const worker = new Worker(WORKER_URL);
    lane.worker = worker;
    lane.crash = null;
    worker.on('message', (reply: EncodeReply) => {
      const task = lane.task;
      if (!task || task.id !== reply.id) return;
      lane.task = null;
      if (reply.ok) task.resolve(reply);
      else task.reject(reviveError(reply.error));
      pump();
    });
    worker.on('error', (err) => {
      lane.crash = err;
    });
    worker.on('exit', (code) => {
      if (lane.worker !== worker) return;
      lane.worker = null;
      const task = lane.task;
      lane.task = null;
      if (task) {
        const why = lane.crash ? `: ${lane.crash.message}` : '';
        task.reject(
          new AppError('internal', `the encode worker stopped (exit code ${code})${why}`, {
            cause: lane.crash,
          }),
        );
      }
      pump();
    });
    return worker;
  }

  function pump(): void {
    for (const lane of lanes) {
      if (lane.task || queue.length === 0) continue;
      const task = queue.shift() as Task;
      const worker = lane.worker ?? spawn(lane);
      lane.task = task;
      worker.ref();
      try {
        worker.postMessage(task.request, task.transferList);
      } catch (err) {
        lane.task = null;
        task.reject(err as Error);
      }
    }
    // Idle threads must not keep the process alive when a caller forgets close().
    for (const lane of lanes) if (!lane.task) lane.worker?.unref();
    if (drained && idle()) drained();
  }

  function submit(request: PoolRequest, transferList: ArrayBuffer[]): Promise<Success> {
    if (closed) return Promise.reject(new AppError('conflict', 'the encode pool is closed'));
    return new Promise<Success>((resolve, reject) => {
      queue.push({ id: request.id, request, transferList, resolve, reject });
      pump();
    });
  }

  return {
    size,
    async render(call) {
      const reply = await submit({ type: 'render', id: nextId++, call }, []);
      if (!('frames' in reply)) throw new Error('unreachable: a render replied with a file');
      return reply.frames;
    },
    async encode(master, platform, opts = {}) {
      if (closed) throw new AppError('conflict', 'the encode pool is closed');
      const { transfer = false, ...rest } = opts;
      const wired = wireFrames(master.frames, transfer);
      const id = nextId++;
      const request: EncodeRequest = {
        type: 'encode',
        id,
        master: {
          width: master.width,
          height: master.height,
          durationMs: master.durationMs,
          frames: wired.frames,
        },
        platform,
        opts: rest,
      };
      return platformFile(await submit(request, wired.transferList));
    },
    async close() {
      closed = true;
      if (!idle()) await new Promise<void>((resolve) => (drained = resolve));
      const workers = lanes.flatMap((l) => (l.worker ? [l.worker] : []));
      for (const lane of lanes) lane.worker = null;
      await Promise.all(workers.map((w) => w.terminate()));
    },
    threads: () => lanes.flatMap((l) => (l.worker ? [l.worker] : [])),
  };
}
