import type { FrameSequence } from '../domain/image.ts';
import { shareFrames } from '../encode/index.ts';
import { decodeFrames } from './frames.codec.ts';

/**
 * Decoded master frames, kept for the few renders being encoded now. A master feeds
 * one encode per platform (seven for a full set); inflating it each time cost ~30 ms of
 * the pipeline's own thread per encode (a 512 px, 16-frame master), 5 s of a 24 × 7 set.
 * The frames live in shared memory, so encode threads read them without a copy.
 */
export class MasterCache {
  private readonly entries = new Map<string, FrameSequence>();

  /** `capacity`: masters kept; each 512 px, 16-frame master is 16 MB. */
  constructor(private readonly capacity = 4) {}

  /** The frames stored under `key`, decoded once while they stay among the recent ones. */
  async get(key: string, read: (key: string) => Promise<Buffer>): Promise<FrameSequence> {
    const hit = this.entries.get(key);
    if (hit) {
      // Most recently used last, so the oldest is evicted first.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const master = shareFrames(decodeFrames(await read(key)));
    this.entries.set(key, master);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return master;
  }
}
