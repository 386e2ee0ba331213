import type { FrameSequence } from '../domain/image.ts';
import { shareFrames } from '../encode/index.ts';
import { decodeFrames } from './frames.codec.ts';

/** Frames of about two emojis at every size a full set needs (512, 360, 270, 180, 128 px: ~33 MB each). */
const DEFAULT_CAPACITY_BYTES = 96 * 1024 * 1024;

const sizeOf = (seq: FrameSequence) => seq.frames.reduce((n, f) => n + f.byteLength, 0);

/**
 * Frames of the renders being encoded now, in shared memory (encode threads read them
 * in place). A render feeds one encode per platform, seven for a full set. The animate
 * stage puts its frames here as it draws them, so the encodes that follow need neither
 * the stored master nor its decoding: inflating a 512 px, 16-frame master cost ~30 ms of
 * the pipeline's own thread per encode, and deflating every size ~2.6 s of a 24 × 7 set.
 * A miss (after a restart, or in another process) reads the stored master.
 */
export class MasterCache {
  private readonly entries = new Map<string, FrameSequence>();
  private bytes = 0;

  constructor(private readonly capacityBytes = DEFAULT_CAPACITY_BYTES) {}

  /** Keeps freshly rendered frames under `key`; returns them in shared memory. */
  put(key: string, seq: FrameSequence): FrameSequence {
    const shared = shareFrames(seq);
    this.remove(key);
    this.entries.set(key, shared);
    this.bytes += sizeOf(shared);
    // Least recently used first out; the entry just added always stays.
    for (const old of this.entries.keys()) {
      if (this.bytes <= this.capacityBytes || old === key) break;
      this.remove(old);
    }
    return shared;
  }

  /** The frames under `key` if they are still here. */
  peek(key: string): FrameSequence | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  /** The frames under `key`: from memory, or read and decoded once and then kept. */
  async get(key: string, read: (key: string) => Promise<Buffer>): Promise<FrameSequence> {
    return this.peek(key) ?? this.put(key, await decodeFrames(await read(key)));
  }

  private remove(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.bytes -= sizeOf(old);
  }
}
