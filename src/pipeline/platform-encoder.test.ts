import os from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.ts';
import { createEncodePool, shareFrames } from '../encode/index.ts';
import { animateCharacter } from '../engine/index.ts';
import { inThreadEncoder, poolEncoder } from './platform-encoder.ts';

const pool = createEncodePool({ size: 2 });
afterAll(() => pool.close());

describe('the encode port', () => {
  it('makes the same validated file on the pool as on the pipeline’s own thread, from shared frames', async () => {
    const master = animateCharacter(
      { id: 'frog', color: '#7ccf6b' },
      'hello',
      {},
      { size: 180, frames: 8, durationMs: 1000 },
    );
    const shared = shareFrames(master);
    const [local, threaded] = await Promise.all([
      inThreadEncoder().encode(master, 'line-emoji', 2),
      poolEncoder(pool).encode(shared, 'line-emoji', 2),
    ]);
    expect(threaded.report.ok).toBe(true);
    expect(threaded.fileName).toBe('003.png');
    expect(Buffer.compare(threaded.buffer, local.buffer)).toBe(0);
    // The shared frames stay usable for the next platform's encode.
    expect(shared.frames[0].length).toBe(180 * 180 * 4);
    expect((await poolEncoder(pool).encode(shared, 'discord-emoji', 0)).report.ok).toBe(true);
  });

  it('defaults to one encode thread per core, and 0 keeps encoding on the pipeline’s thread', () => {
    expect(loadConfig({}).encoding.threads).toBe(os.availableParallelism());
    expect(loadConfig({ ENCODE_THREADS: '0' }).encoding.threads).toBe(0);
  });
});
