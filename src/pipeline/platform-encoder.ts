import type { FrameSequence } from '../domain/image.ts';
import { PLATFORMS, type PlatformId } from '../domain/platforms.ts';
import {
  type EncodePool,
  encodeForPlatform,
  encodeSignature,
  type PlatformFile,
  validateFile,
} from '../encode/index.ts';

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

/**
 * One encode for platforms that ask for the same file from the same frames: Discord's and
 * Slack's emojis are both 128 px GIFs at the same timing, so the second platform takes the
 * first one's file once its own validator passes it, instead of encoding it again (~6% of
 * a 24 × 7 set's CPU). Only a file kept at the ladder's first rung is shared: a file that
 * stepped down to fit a smaller budget may be worse than the other platform's best, so
 * that platform encodes its own. Frames are matched by identity, as MasterCache hands
 * them out; a fresh copy of the same frames simply encodes again.
 */
export function sharingEncoder(inner: PlatformEncoder, ffmpeg = 'ffmpeg'): PlatformEncoder {
  const made = new WeakMap<FrameSequence, Map<string, Promise<PlatformFile>>>();
  const reuse = async (earlier: Promise<PlatformFile>, platform: PlatformId, index: number) => {
    const file = await earlier.catch(() => null);
    if (file?.attempts.length !== 1) return null;
    const report = await validateFile(file.buffer, platform, { ffmpeg });
    if (!report.ok) return null;
    return { ...file, report, fileName: PLATFORMS[platform].fileName(index) };
  };
  return {
    async encode(master, platform, index) {
      const signature = encodeSignature(master, platform);
      let bySignature = made.get(master);
      if (!bySignature) {
        bySignature = new Map();
        made.set(master, bySignature);
      }
      const earlier = bySignature.get(signature);
      if (earlier) return (await reuse(earlier, platform, index)) ?? inner.encode(master, platform, index);
      const encoding = inner.encode(master, platform, index);
      bySignature.set(signature, encoding);
      return encoding;
    },
    close: () => inner.close(),
  };
}
