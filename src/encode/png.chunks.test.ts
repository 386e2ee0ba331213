import { describe, expect, it } from 'vitest';
import {
  crc32,
  PNG_SIGNATURE,
  readChunks,
  readU16,
  readU32,
  writeChunk,
  writeU16,
  writeU32,
} from './png.chunks.ts';

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const file = (...chunks: Uint8Array[]) => Buffer.concat([PNG_SIGNATURE, ...chunks]);

describe('crc32', () => {
  it('matches the standard check value and the CRC of an empty IEND chunk', () => {
    expect(crc32(ascii('123456789'))).toBe(0xcbf43926);
    expect(crc32(ascii('IEND'))).toBe(0xae426082);
  });
});

describe('big-endian helpers', () => {
  it('write and read 16- and 32-bit values most significant byte first', () => {
    const buf = new Uint8Array(6);
    writeU32(buf, 0, 0xdeadbeef);
    writeU16(buf, 4, 0xcafe);
    expect([...buf]).toEqual([0xde, 0xad, 0xbe, 0xef, 0xca, 0xfe]);
    expect(readU32(buf, 0)).toBe(0xdeadbeef);
    expect(readU16(buf, 4)).toBe(0xcafe);
  });
});

describe('chunks', () => {
  it('round-trips chunks written with writeChunk', () => {
    const buf = file(writeChunk('tEXt', ascii('a=b')), writeChunk('IEND', new Uint8Array()));
    const chunks = readChunks(buf);
    expect(chunks.map((c) => c.type)).toEqual(['tEXt', 'IEND']);
    expect(Buffer.from(chunks[0].data).toString()).toBe('a=b');
  });

  it('rejects a file without the PNG signature', () => {
    expect(() => readChunks(ascii('GIF89a-not-a-png'))).toThrow(/bad signature/);
  });

  it('rejects a chunk whose CRC does not match', () => {
    const chunk = writeChunk('tEXt', ascii('a=b'));
    chunk[9] ^= 1;
    expect(() => readChunks(file(chunk, writeChunk('IEND', new Uint8Array())))).toThrow(
      /CRC mismatch in tEXt/,
    );
  });

  it('rejects a chunk cut short and a file without IEND', () => {
    const whole = file(writeChunk('tEXt', ascii('hello')), writeChunk('IEND', new Uint8Array()));
    expect(() => readChunks(whole.subarray(0, 20))).toThrow(/truncated tEXt chunk/);
    expect(() => readChunks(whole.subarray(0, whole.length - 12))).toThrow(/no IEND/);
  });
});
