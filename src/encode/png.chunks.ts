/**
 * PNG container primitives: signature, chunk framing with CRC32, big-endian integers.
 * Node 20 has no `zlib.crc32`, so the CRC is our own table-driven version.
 */
import { AppError } from '../domain/errors.ts';

/** The 8 bytes every PNG starts with. */
export const PNG_SIGNATURE: Uint8Array = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/** One chunk as found in a file; `data` is a view into the source buffer. */
export interface PngChunk {
  type: string;
  data: Uint8Array;
  /** Byte offset of the chunk's length field, for error messages. */
  offset: number;
}

const CRC_TABLE: Uint32Array = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** Continues a CRC32 over `bytes`; start with `0xffffffff` and xor the result with it at the end. */
export function crc32Update(crc: number, bytes: Uint8Array): number {
  let c = crc;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return c >>> 0;
}

/** The standard CRC32 (as used by PNG and zlib) of `bytes`. */
export function crc32(bytes: Uint8Array): number {
  return (crc32Update(0xffffffff, bytes) ^ 0xffffffff) >>> 0;
}

/** Reads an unsigned big-endian 32-bit integer. */
export function readU32(buf: Uint8Array, at: number): number {
  return ((buf[at] << 24) | (buf[at + 1] << 16) | (buf[at + 2] << 8) | buf[at + 3]) >>> 0;
}

/** Reads an unsigned big-endian 16-bit integer. */
export function readU16(buf: Uint8Array, at: number): number {
  return (buf[at] << 8) | buf[at + 1];
}

/** Writes an unsigned big-endian 32-bit integer. */
export function writeU32(buf: Uint8Array, at: number, value: number): void {
  buf[at] = value >>> 24;
  buf[at + 1] = value >>> 16;
  buf[at + 2] = value >>> 8;
  buf[at + 3] = value;
}

/** Writes an unsigned big-endian 16-bit integer. */
export function writeU16(buf: Uint8Array, at: number, value: number): void {
  buf[at] = value >>> 8;
  buf[at + 1] = value;
}

function typeBytes(type: string): Uint8Array {
  if (!/^[A-Za-z]{4}$/.test(type)) throw new Error(`invalid PNG chunk type "${type}"`);
  return Uint8Array.from(type, (ch) => ch.charCodeAt(0));
}

/** Frames `data` as one PNG chunk: length, type, data, CRC over type and data. */
export function writeChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  writeU32(out, 0, data.length);
  out.set(typeBytes(type), 4);
  out.set(data, 8);
  writeU32(out, 8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** True when `buf` starts with the 8-byte PNG signature. */
export function hasPngSignature(buf: Uint8Array): boolean {
  if (buf.length < PNG_SIGNATURE.length) return false;
  return PNG_SIGNATURE.every((b, i) => buf[i] === b);
}

function invalid(message: string): AppError {
  return new AppError('invalid_image', `Malformed PNG: ${message}`);
}

/**
 * Splits a PNG file into chunks, checking the signature, every length and every CRC.
 * Stops at IEND; bytes after IEND are ignored, as decoders do.
 */
export function readChunks(buf: Uint8Array): PngChunk[] {
  if (!hasPngSignature(buf)) throw invalid('bad signature (not a PNG file)');
  const chunks: PngChunk[] = [];
  let at = PNG_SIGNATURE.length;
  while (at < buf.length) {
    if (at + 8 > buf.length) throw invalid(`truncated chunk header at byte ${at}`);
    const length = readU32(buf, at);
    const type = String.fromCharCode(buf[at + 4], buf[at + 5], buf[at + 6], buf[at + 7]);
    if (!/^[A-Za-z]{4}$/.test(type)) throw invalid(`invalid chunk type at byte ${at}`);
    const end = at + 12 + length;
    if (length > 0x7fffffff || end > buf.length) {
      throw invalid(`truncated ${type} chunk at byte ${at} (needs ${length} data bytes)`);
    }
    const stored = readU32(buf, end - 4);
    const actual = crc32(buf.subarray(at + 4, end - 4));
    if (stored !== actual) throw invalid(`CRC mismatch in ${type} chunk at byte ${at}`);
    chunks.push({ type, data: buf.subarray(at + 8, end - 4), offset: at });
    at = end;
    if (type === 'IEND') return chunks;
  }
  throw invalid('truncated file (no IEND chunk)');
}
