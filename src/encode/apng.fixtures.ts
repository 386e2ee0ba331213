/**
 * A deliberately literal APNG writer for decoder and validator tests: every chunk is
 * spelled out, so tests can build files our encoder would never produce (other colour
 * types, dispose/blend ops, broken sequence numbers). Not used by production code.
 */
import { deflateSync } from 'node:zlib';
import { PNG_SIGNATURE, writeChunk, writeU16, writeU32 } from './png.chunks.ts';
import { rowBytes } from './png.pixels.ts';

export interface RawFrame {
  x?: number;
  y?: number;
  width: number;
  height: number;
  /** Unfiltered sample bytes of the rectangle, rows back to back. */
  samples: Uint8Array | number[];
  dispose?: number;
  blend?: number;
  delay?: [number, number];
}

export interface RawApng {
  width: number;
  height: number;
  colorType?: number;
  bitDepth?: number;
  /** Chunks between IHDR and the image data (PLTE, tRNS, …), as type and body. */
  extra?: [string, Uint8Array | number[]][];
  frames: RawFrame[];
  numPlays?: number;
  /** Adds no acTL/fcTL: a still PNG made of `frames[0]`. */
  still?: boolean;
  /** Samples of a default image that is not part of the animation (IDAT before the first fcTL). */
  hiddenDefault?: Uint8Array | number[];
  /** Added to every sequence number from this frame on, to break the numbering. */
  skipSequenceAt?: number;
  numFramesOverride?: number;
}

/** zlib data of unfiltered rows (filter byte 0 on each row). */
export function zrows(samples: Uint8Array | number[], width: number, height: number, ct: number, bd: number) {
  const stride = rowBytes(ct, bd, width);
  const bytes = Uint8Array.from(samples);
  const out = new Uint8Array(height * (stride + 1));
  for (let y = 0; y < height; y++)
    out.set(bytes.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  return deflateSync(out);
}

/** Builds a PNG/APNG file from literal parts. */
export function buildApng(spec: RawApng): Buffer {
  const ct = spec.colorType ?? 6;
  const bd = spec.bitDepth ?? 8;
  const ihdr = new Uint8Array(13);
  writeU32(ihdr, 0, spec.width);
  writeU32(ihdr, 4, spec.height);
  ihdr[8] = bd;
  ihdr[9] = ct;
  const parts: Uint8Array[] = [PNG_SIGNATURE, writeChunk('IHDR', ihdr)];
  if (!spec.still) {
    const actl = new Uint8Array(8);
    writeU32(actl, 0, spec.numFramesOverride ?? spec.frames.length);
    writeU32(actl, 4, spec.numPlays ?? 0);
    parts.push(writeChunk('acTL', actl));
  }
  for (const [type, body] of spec.extra ?? []) parts.push(writeChunk(type, Uint8Array.from(body)));
  if (spec.hiddenDefault)
    parts.push(writeChunk('IDAT', zrows(spec.hiddenDefault, spec.width, spec.height, ct, bd)));
  let seq = 0;
  spec.frames.forEach((f, i) => {
    if (i === spec.skipSequenceAt) seq++;
    const z = zrows(f.samples, f.width, f.height, ct, bd);
    if (!spec.still) {
      const fc = new Uint8Array(26);
      writeU32(fc, 0, seq++);
      writeU32(fc, 4, f.width);
      writeU32(fc, 8, f.height);
      writeU32(fc, 12, f.x ?? 0);
      writeU32(fc, 16, f.y ?? 0);
      writeU16(fc, 20, f.delay?.[0] ?? 1);
      writeU16(fc, 22, f.delay?.[1] ?? 10);
      fc[24] = f.dispose ?? 0;
      fc[25] = f.blend ?? 0;
      parts.push(writeChunk('fcTL', fc));
    }
    if (i === 0 && !spec.hiddenDefault) {
      parts.push(writeChunk('IDAT', z));
    } else {
      const fd = new Uint8Array(4 + z.length);
      writeU32(fd, 0, seq++);
      fd.set(z, 4);
      parts.push(writeChunk('fdAT', fd));
    }
  });
  parts.push(writeChunk('IEND', new Uint8Array()));
  return Buffer.concat(parts);
}

/** `count` copies of one RGBA colour. */
export function solid(count: number, rgba: readonly number[]): number[] {
  return Array.from({ length: count }, () => rgba).flat();
}
