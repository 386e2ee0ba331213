import { describe, expect, it } from 'vitest';
import type { FrameSequence } from '../domain/image.ts';
import { encodeFrames } from './frames.codec.ts';
import { MasterCache } from './master-cache.ts';

const frames = (fill: number): FrameSequence => ({
  width: 2,
  height: 2,
  durationMs: 1000,
  frames: [new Uint8Array(16).fill(fill)],
});

describe('MasterCache', () => {
  it('reads and decodes a stored master once while it stays recent, into shared memory', async () => {
    const cache = new MasterCache();
    const reads: string[] = [];
    const read = async (key: string) => {
      reads.push(key);
      return encodeFrames(frames(7));
    };
    const a = await cache.get('a', read);
    expect(await cache.get('a', read)).toBe(a);
    expect(reads).toEqual(['a']);
    expect(a.frames[0].buffer).toBeInstanceOf(SharedArrayBuffer);
    expect([...a.frames[0]]).toEqual(Array(16).fill(7));
  });

  it('serves frames put by the renderer without reading anything', async () => {
    const cache = new MasterCache();
    const put = cache.put('fresh', frames(3));
    const got = await cache.get('fresh', async () => {
      throw new Error('must not read');
    });
    expect(got).toBe(put);
  });

  it('forgets the least recently used frames past its capacity in bytes', async () => {
    const cache = new MasterCache(32);
    cache.put('a', frames(1));
    cache.put('b', frames(2));
    expect(cache.peek('a')).toBeDefined();
    cache.put('c', frames(3));
    expect(cache.peek('b')).toBeUndefined();
    expect(cache.peek('a')).toBeDefined();
    expect(cache.peek('c')).toBeDefined();
  });

  it('keeps one entry larger than its capacity, the one just rendered', () => {
    const cache = new MasterCache(8);
    cache.put('big', frames(1));
    expect(cache.peek('big')).toBeDefined();
  });
});
