import { describe, expect, it } from 'vitest';
import { encodeFrames } from './frames.codec.ts';
import { MasterCache } from './master-cache.ts';

const master = (fill: number) =>
  encodeFrames({ width: 2, height: 2, durationMs: 1000, frames: [new Uint8Array(16).fill(fill)] });

describe('MasterCache', () => {
  it('reads and decodes a master once while it stays recent, into shared memory', async () => {
    const cache = new MasterCache(2);
    const reads: string[] = [];
    const read = async (key: string) => {
      reads.push(key);
      return master(key.length);
    };
    const a = await cache.get('a', read);
    const again = await cache.get('a', read);
    expect(again).toBe(a);
    expect(reads).toEqual(['a']);
    expect(a.frames[0].buffer).toBeInstanceOf(SharedArrayBuffer);
    expect([...a.frames[0]]).toEqual(Array(16).fill(1));
  });

  it('forgets the least recently used master past its capacity', async () => {
    const cache = new MasterCache(2);
    const reads: string[] = [];
    const read = async (key: string) => {
      reads.push(key);
      return master(1);
    };
    await cache.get('a', read);
    await cache.get('b', read);
    await cache.get('a', read);
    await cache.get('c', read);
    await cache.get('a', read);
    await cache.get('b', read);
    expect(reads).toEqual(['a', 'b', 'c', 'b']);
  });
});
