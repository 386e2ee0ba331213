import type { FrameSequence } from '../domain/image.ts';
import type { PlatformId } from '../domain/platforms.ts';
import { type EncodePool, encodeForPlatform, type PlatformFile } from '../encode/index.ts';

/**
 * The encode port of the pipeline: master frames in, one validated platform file out.
 * In-thread by default; the worker-thread pool implements the same interface, so the
 * encode stage does not know where the CPU work runs.
 */
export interface PlatformEncoder {
  /** Encodes emoji `index` (0-based, names the file) for `platform` and validates the file. */
  encode(master: FrameSequence, platform: PlatformId, index: number): Promise<PlatformFile>;
  /** Lets go of threads or processes the encoder holds. */
  close(): Promise<void>;
}

/** Encodes on the calling thread; `ffmpeg` is the binary WebM needs. */
export function inThreadEncoder(ffmpeg = 'ffmpeg'): PlatformEncoder {
  return {
    encode: (master, platform, index) => encodeForPlatform(master, platform, { index, ffmpeg }),
    close: async () => {},
  };
}

/**
 * Encodes on a pool of worker threads, so a set's encodes use every core while the
 * pipeline's own thread renders and talks to the database. Masters in shared memory
 * (see MasterCache) reach the threads without a copy.
 */
export function poolEncoder(pool: EncodePool, ffmpeg = 'ffmpeg'): PlatformEncoder {
  return {
    encode: (master, platform, index) => pool.encode(master, platform, { index, ffmpeg }),
    close: () => pool.close(),
  };
}
