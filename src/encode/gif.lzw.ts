/**
 * GIF's variable-length-code LZW, both ways. Codes grow from minCodeSize + 1 bits up to
 * 12; the encoder emits a clear code when the table is full (as giflib does).
 */
import { AppError } from '../domain/errors.ts';
import { BitWriter } from './bit.writer.ts';

const MAX_CODES = 4096;
/** Open-addressing table for (prefix code, next index) → code, at most 25% full. */
const HASH_BITS = 14;
const HASH_MASK = (1 << HASH_BITS) - 1;

/** LZW-compresses palette indices (each < 2^minCodeSize) into a raw GIF code stream. */
export function lzwEncode(indices: Uint8Array, minCodeSize: number): Uint8Array {
  const clear = 1 << minCodeSize;
  const end = clear + 1;
  const writer = new BitWriter(indices.length >> 1);
  const hashKeys = new Int32Array(1 << HASH_BITS);
  const hashCodes = new Int16Array(1 << HASH_BITS);
  let codeSize = minCodeSize + 1;
  let next = end + 1;
  const reset = () => {
    hashKeys.fill(-1);
    codeSize = minCodeSize + 1;
    next = end + 1;
  };
  reset();
  writer.write(clear, codeSize);
  if (indices.length === 0) {
    writer.write(end, codeSize);
    return writer.finish();
  }
  let prefix = indices[0];
  for (let i = 1; i < indices.length; i++) {
    const k = indices[i];
    const key = (prefix << 8) | k;
    let h = Math.imul(key, 0x9e3779b1) >>> (32 - HASH_BITS);
    let found = -1;
    while (hashKeys[h] !== -1) {
      if (hashKeys[h] === key) {
        found = hashCodes[h];
        break;
      }
      h = (h + 1) & HASH_MASK;
    }
    if (found >= 0) {
      prefix = found;
      continue;
    }
    writer.write(prefix, codeSize);
    if (next < MAX_CODES) {
      // A code is added after the emit; the reader learns it one code later, so widen when `next` passes 2^size.
      if (next === 1 << codeSize) codeSize++;
      hashKeys[h] = key;
      hashCodes[h] = next++;
    } else {
      writer.write(clear, codeSize);
      reset();
    }
    prefix = k;
  }
  writer.write(prefix, codeSize);
  if (next === 1 << codeSize && codeSize < 12) codeSize++;
  writer.write(end, codeSize);
  return writer.finish();
}

function invalid(message: string): AppError {
  return new AppError('invalid_image', `Malformed GIF: ${message}`);
}

/**
 * Decodes a raw GIF code stream into exactly `pixelCount` indices; throws on corrupt data.
 * Every string in the table is already in the output: a code's string is its prefix's
 * string plus one index, and those two were written side by side. So each code is kept as
 * where its string starts and how long it is, and decoding copies bytes forward instead of
 * walking a chain of prefixes backwards.
 */
export function lzwDecode(data: Uint8Array, minCodeSize: number, pixelCount: number): Uint8Array {
  if (minCodeSize < 2 || minCodeSize > 8) throw invalid(`LZW minimum code size ${minCodeSize} is not 2..8`);
  const clear = 1 << minCodeSize;
  const end = clear + 1;
  const starts = new Int32Array(MAX_CODES);
  const lengths = new Uint16Array(MAX_CODES).fill(1, 0, clear);
  const out = new Uint8Array(pixelCount);
  let written = 0;
  let codeSize = minCodeSize + 1;
  let next = end + 1;
  let prev = -1;
  /** Where the previous code's string starts in `out`. */
  let prevAt = 0;
  let acc = 0;
  let bits = 0;
  let pos = 0;
  for (;;) {
    while (bits < codeSize && pos < data.length) {
      acc |= data[pos++] << bits;
      bits += 8;
    }
    if (bits < codeSize) throw invalid('image data ends without an end code');
    const code = acc & ((1 << codeSize) - 1);
    acc >>>= codeSize;
    bits -= codeSize;
    if (code === clear) {
      codeSize = minCodeSize + 1;
      next = end + 1;
      prev = -1;
      continue;
    }
    if (code === end) break;
    if (code > next || (code === next && prev < 0)) throw invalid(`LZW code ${code} is not defined yet`);
    // A code not yet in the table (code === next) stands for the previous string plus its own first index.
    const len = code < next ? lengths[code] : lengths[prev] + 1;
    if (written + len > pixelCount) throw invalid(`image data holds more than ${pixelCount} pixels`);
    if (code < clear) out[written] = code;
    else {
      const from = code < next ? starts[code] : prevAt;
      const copied = code < next ? len : len - 1;
      // Long strings (runs of transparency) go through memmove; a call costs more than a short loop.
      if (copied > 32) out.copyWithin(written, from, from + copied);
      else for (let k = 0; k < copied; k++) out[written + k] = out[from + k];
      if (code === next) out[written + len - 1] = out[prevAt];
    }
    if (prev >= 0 && next < MAX_CODES) {
      starts[next] = prevAt;
      lengths[next] = lengths[prev] + 1;
      next++;
      if (next === 1 << codeSize && codeSize < 12) codeSize++;
    }
    prev = code;
    prevAt = written;
    written += len;
  }
  if (written < pixelCount) throw invalid(`image data holds ${written} of ${pixelCount} pixels`);
  return out;
}
