import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../domain/random.ts';
import { limitedCodeLengths } from './deflate.huffman.ts';
import { deflateZlib } from './deflate.ts';
import { quantizeFrames } from './palette.quantize.ts';
import { filterRows } from './png.filters.ts';
import { emojiFrames } from './synthetic.fixtures.ts';

const roundTrip = (data: Uint8Array) => inflateSync(deflateZlib(data).bytes);

/** Unfiltered palette rows of a synthetic emoji's frames, as the APNG encoder hands them over. */
function paletteRows(): Uint8Array[] {
  const seq = emojiFrames(96, 96, 6);
  const q = quantizeFrames(seq.frames, seq.width, seq.height, 256, 0);
  return q.frames.map((f) => filterRows(f, seq.height, seq.width, 1, 0));
}

function kraftSum(lengths: Uint8Array): number {
  let sum = 0;
  for (const l of lengths) if (l) sum += 2 ** -l;
  return sum;
}

describe('deflateZlib', () => {
  it('round-trips through zlib inflate: empty, tiny, every byte value, runs, text, noise', () => {
    const random = seededRandom(5);
    const noise = Uint8Array.from({ length: 100_000 }, () => Math.floor(random() * 256));
    const text = new TextEncoder().encode('hello emoji, hello sticker, hello tab icon; '.repeat(400));
    const cases = [
      new Uint8Array(0),
      Uint8Array.of(7),
      Uint8Array.of(1, 2),
      Uint8Array.from({ length: 256 }, (_, i) => i),
      new Uint8Array(300_000).fill(9),
      text,
      noise,
    ];
    for (const data of cases) expect(Buffer.compare(roundTrip(data), data)).toBe(0);
  });

  it('never reaches back further than the 32 KiB window', () => {
    // A block that repeats 40,000 bytes later can only be matched within 32,768 bytes.
    const random = seededRandom(9);
    const block = Uint8Array.from({ length: 2_000 }, () => Math.floor(random() * 256));
    const filler = Uint8Array.from({ length: 38_000 }, () => Math.floor(random() * 256));
    const data = new Uint8Array([...block, ...filler, ...block]);
    expect(Buffer.compare(roundTrip(data), data)).toBe(0);
  });

  it('stores noise instead of growing it, and writes a tiny input in a few bytes', () => {
    const random = seededRandom(3);
    const noise = Uint8Array.from({ length: 70_000 }, () => Math.floor(random() * 256));
    // Stored blocks: 5 bytes a 65,535-byte block, plus the zlib header and checksum.
    expect(deflateZlib(noise).bytes.length).toBeLessThanOrEqual(noise.length + 2 * 5 + 6);
    expect(deflateZlib(Uint8Array.of(0, 3)).bytes.length).toBeLessThan(12);
  });

  it('packs palette rows tighter than zlib at level 9, starting from its own or the previous frame’s costs', () => {
    const rows = paletteRows();
    let prior: ReturnType<typeof deflateZlib>['learned'] | undefined;
    let ours = 0;
    let zlib = 0;
    for (const data of rows) {
      const z = deflateZlib(data, prior);
      prior = z.learned;
      expect(Buffer.compare(inflateSync(z.bytes), data)).toBe(0);
      ours += z.bytes.length;
      zlib += deflateSync(data, { level: 9, memLevel: 9 }).length;
    }
    expect(ours).toBeLessThan(zlib);
  });
});

describe('limitedCodeLengths', () => {
  it('keeps codes within the limit on counts whose Huffman code would be deeper', () => {
    // Fibonacci counts give an unlimited Huffman code one level deeper per symbol.
    const fib = [1, 1];
    while (fib.length < 30) fib.push(fib[fib.length - 1] + fib[fib.length - 2]);
    const lengths = limitedCodeLengths(fib, 15);
    expect(Math.max(...lengths)).toBe(15);
    expect(kraftSum(lengths)).toBe(1);
    expect([...lengths].every((l) => l >= 1)).toBe(true);
  });

  it('matches Huffman where the limit does not bind, and gives unused symbols no code', () => {
    const lengths = limitedCodeLengths([10, 0, 5, 3, 1, 1], 15);
    expect([...lengths]).toEqual([1, 0, 2, 3, 4, 4]);
  });

  it('gives two symbols a code even when one or none is used', () => {
    for (const freq of [
      [0, 0, 4, 0],
      [0, 0, 0, 0],
    ]) {
      const lengths = limitedCodeLengths(freq, 7);
      expect([...lengths].filter((l) => l === 1)).toHaveLength(2);
      expect(kraftSum(lengths)).toBe(1);
    }
  });
});
