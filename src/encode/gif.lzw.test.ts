import { describe, expect, it } from 'vitest';
import { seededRandom } from '../domain/random.ts';
import { lzwDecode, lzwEncode } from './gif.lzw.ts';

/** Indices mixing noise (new codes every step) with runs (long codes), below 2^bits. */
function indices(count: number, bits: number, seed: number): Uint8Array {
  const rand = seededRandom(seed);
  const out = new Uint8Array(count);
  for (let i = 0; i < count; i++)
    out[i] = i % 97 < 50 ? Math.floor(rand() * (1 << bits)) : (i >> 5) % (1 << bits);
  return out;
}

describe('GIF LZW', () => {
  it('round-trips every minimum code size from 2 to 8', () => {
    for (let bits = 2; bits <= 8; bits++) {
      const data = indices(20_000, bits, bits);
      const min = Math.max(2, bits);
      expect(Buffer.from(lzwDecode(lzwEncode(data, min), min, data.length)).equals(Buffer.from(data))).toBe(
        true,
      );
    }
  });

  it('round-trips streams that fill the 4096-entry table many times over (clear codes)', () => {
    const data = indices(300_000, 8, 7);
    const decoded = lzwDecode(lzwEncode(data, 8), 8, data.length);
    expect(Buffer.from(decoded).equals(Buffer.from(data))).toBe(true);
  });

  it('round-trips one pixel and long single-colour runs (the KwKwK case)', () => {
    for (const data of [Uint8Array.of(3), new Uint8Array(100_000).fill(1)]) {
      expect(Array.from(lzwDecode(lzwEncode(data, 2), 2, data.length))).toEqual(Array.from(data));
    }
  });

  it('packs a flat image into far fewer bytes than pixels', () => {
    expect(lzwEncode(new Uint8Array(128 * 128), 8).length).toBeLessThan(400);
  });

  it('rejects data without an end code, undefined codes and too many pixels', () => {
    const good = lzwEncode(indices(1000, 4, 1), 4);
    expect(() => lzwDecode(good.subarray(0, 10), 4, 1000)).toThrow(/ends without an end code/);
    expect(() => lzwDecode(good, 4, 999)).toThrow(/more than 999 pixels/);
    expect(() => lzwDecode(good, 4, 1001)).toThrow(/holds 1000 of 1001 pixels/);
    // Code size 3 bits: clear (4), then code 7, which is not defined yet.
    expect(() => lzwDecode(Uint8Array.of(0b111100), 2, 4)).toThrow(/not defined yet/);
    expect(() => lzwDecode(good, 9, 1000)).toThrow(/minimum code size 9/);
  });
});
