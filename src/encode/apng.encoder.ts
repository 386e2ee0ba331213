/**
 * APNG encoder: one shared palette (or lossless RGBA), inter-frame delta rectangles,
 * per-row filter choice and an optimal-parse deflate (deflate.ts), with delays that sum
 * exactly to the loop time.
 */
import { promisify } from 'node:util';
import { deflate } from 'node:zlib';
import { AppError } from '../domain/errors.ts';
import type { FrameSequence } from '../domain/image.ts';
import { type FrameRect, type Planes, planApngFrames } from './apng.delta.ts';
import { deflateZlib, type SymbolCosts } from './deflate.ts';
import { quantizeFrames } from './palette.quantize.ts';
import { words } from './palette.remap.ts';
import { PNG_SIGNATURE, writeChunk, writeU16, writeU32 } from './png.chunks.ts';
import { type FilterMode, filterRows } from './png.filters.ts';
import { packIndices, paletteBitDepth, rowBytes } from './png.pixels.ts';

export interface ApngOptions {
  /** Palette size, 2..256 (default 256). Ignored when `lossless`. */
  colors?: number;
  /** Dithering strength 0..1 (default 0; see LADDERS in budget.ladder.ts). */
  dither?: number;
  /** Store RGBA (colour type 6) instead of a palette. */
  lossless?: boolean;
  /** 0 loops forever (default). */
  numPlays?: number;
  /**
   * `smallest` (default): our optimal-parse deflate, on this thread. `fast`: node:zlib on
   * libuv's threads, for pictures that are only shown (action previews, drawn on the web
   * process's thread): on 24 previews at 96 px, 13.0 ms an encode instead of 21.7 ms.
   */
  compression?: 'smallest' | 'fast';
}

export interface FrameDelay {
  num: number;
  den: number;
}

const U16 = 0xffff;
const deflateAsync = promisify(deflate);

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * Per-frame delays whose sum is exactly `durationMs`: one reduced fraction of a second
 * when it fits in 16 bits (2000 ms / 16 frames → 1/8 s), else whole milliseconds spread so
 * that they add up to the (rounded) total.
 */
export function frameDelays(durationMs: number, frames: number): FrameDelay[] {
  if (Number.isInteger(durationMs)) {
    const g = gcd(durationMs, 1000 * frames);
    const num = durationMs / g;
    const den = (1000 * frames) / g;
    if (num <= U16 && den <= U16) return Array.from({ length: frames }, () => ({ num, den }));
  }
  const total = Math.round(durationMs);
  return Array.from({ length: frames }, (_, i) => {
    const num = Math.floor(((i + 1) * total) / frames) - Math.floor((i * total) / frames);
    if (num > U16) throw new AppError('bad_request', `a frame of ${num} ms is too long for APNG`);
    return { num, den: 1000 };
  });
}

function checkInput(seq: FrameSequence, opts: ApngOptions): Required<ApngOptions> {
  const { width, height, frames, durationMs } = seq;
  const bad = (message: string) => new AppError('bad_request', `encodeApng: ${message}`);
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw bad(`invalid size ${width}x${height}`);
  }
  if (frames.length < 1) throw bad('no frames');
  frames.forEach((f, i) => {
    if (f.length !== width * height * 4)
      throw bad(`frame ${i} has ${f.length} bytes, expected ${width * height * 4}`);
  });
  if (!Number.isFinite(durationMs) || durationMs <= 0) throw bad(`invalid durationMs ${durationMs}`);
  const resolved: Required<ApngOptions> = {
    colors: 256,
    dither: 0,
    lossless: false,
    numPlays: 0,
    compression: 'smallest',
    ...opts,
  };
  if (!Number.isInteger(resolved.colors) || resolved.colors < 2 || resolved.colors > 256) {
    throw bad(`colors must be an integer in 2..256, got ${resolved.colors}`);
  }
  if (!(resolved.dither >= 0 && resolved.dither <= 1))
    throw bad(`dither must be in 0..1, got ${resolved.dither}`);
  if (!Number.isInteger(resolved.numPlays) || resolved.numPlays < 0 || resolved.numPlays > 0x7fffffff) {
    throw bad(`numPlays must be a non-negative integer, got ${resolved.numPlays}`);
  }
  if (resolved.compression !== 'smallest' && resolved.compression !== 'fast')
    throw bad(`compression must be smallest or fast, got ${resolved.compression}`);
  return resolved;
}

/** Copies of the frames with every fully transparent pixel set to 0,0,0,0: invisible data only costs bytes. */
function normalizedRgba(frames: readonly Uint8Array[]): Uint8Array[] {
  return frames.map((f) => {
    const out = f.slice();
    for (let s = 3; s < out.length; s += 4) if (out[s] === 0) out.fill(0, s - 3, s);
    return out;
  });
}

interface Layout {
  colorType: number;
  bitDepth: number;
  planes: Planes;
  extraChunks: Uint8Array[];
}

function paletteLayout(seq: FrameSequence, colors: number, dither: number): Layout {
  const q = quantizeFrames(seq.frames, seq.width, seq.height, colors, dither);
  const plte = new Uint8Array(q.count * 3);
  for (let i = 0; i < q.count; i++) plte.set(q.palette.subarray(i * 4, i * 4 + 3), i * 3);
  // Every index's alpha (entries past the palette's end are never used): tRNS is its start.
  const alphas = new Uint8Array(256);
  for (let i = 0; i < q.count; i++) alphas[i] = q.palette[i * 4 + 3];
  const trns = alphas.subarray(0, q.alphaCount);
  const extraChunks = [writeChunk('PLTE', plte)];
  if (q.alphaCount > 0) extraChunks.push(writeChunk('tRNS', trns));
  const planes: Planes = {
    width: seq.width,
    height: seq.height,
    frames: q.frames,
    alphas,
    transparent: q.transparentIndex >= 0 ? q.transparentIndex : null,
  };
  return { colorType: 3, bitDepth: paletteBitDepth(q.count), planes, extraChunks };
}

function losslessLayout(seq: FrameSequence): Layout {
  const planes: Planes = {
    width: seq.width,
    height: seq.height,
    frames: normalizedRgba(seq.frames).map(words),
    alphas: null,
    transparent: 0,
  };
  return { colorType: 6, bitDepth: 8, planes, extraChunks: [] };
}

/**
 * Filtered rows of one rectangle. Filters: for palette rows None beats the adaptive choice
 * (emoji at 256 colours, dithered: 86.3 KB vs 109.8 KB, and adaptive made level-9 deflate
 * take 74 ms instead of 12 ms), so palette rows stay unfiltered; RGBA rows use adaptive.
 */
function rowsOf(rect: FrameRect, layout: Layout): Uint8Array {
  const { colorType, bitDepth } = layout;
  const { pixels } = rect;
  const bytes = new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength);
  const raw = colorType === 3 ? packIndices(bytes, rect.width, rect.height, bitDepth) : bytes;
  const stride = rowBytes(colorType, bitDepth, rect.width);
  const bpp = colorType === 6 ? 4 : 1;
  const mode: FilterMode = colorType === 3 ? 0 : 'adaptive';
  return filterRows(raw, rect.height, stride, bpp, mode);
}

/**
 * Every rectangle's zlib stream, each parse starting from the costs the previous
 * rectangle's ended with (consecutive frames use the same colours much as often). Our own
 * deflate rather than node:zlib: see deflate.ts.
 */
function compressRects(rects: readonly FrameRect[], layout: Layout): Uint8Array[] {
  let prior: SymbolCosts | undefined;
  return rects.map((rect) => {
    const z = deflateZlib(rowsOf(rect, layout), prior);
    prior = z.learned;
    return z.bytes;
  });
}

/** node:zlib at level 8 (level 9 bought 0.2–0.5% for 10–30% more CPU), all rectangles at once. */
function compressRectsFast(rects: readonly FrameRect[], layout: Layout): Promise<Uint8Array[]> {
  return Promise.all(rects.map((rect) => deflateAsync(rowsOf(rect, layout), { level: 8, memLevel: 9 })));
}

function fcTL(seqNo: number, rect: FrameRect, delay: FrameDelay, dispose: number): Uint8Array {
  const d = new Uint8Array(26);
  writeU32(d, 0, seqNo);
  writeU32(d, 4, rect.width);
  writeU32(d, 8, rect.height);
  writeU32(d, 12, rect.x);
  writeU32(d, 16, rect.y);
  writeU16(d, 20, delay.num);
  writeU16(d, 22, delay.den);
  d[24] = dispose;
  d[25] = rect.blendOp;
  return writeChunk('fcTL', d);
}

/** Encodes a frame sequence as an APNG (palette by default, RGBA when `lossless`). */
export async function encodeApng(seq: FrameSequence, opts: ApngOptions = {}): Promise<Buffer> {
  const o = checkInput(seq, opts);
  const layout = o.lossless ? losslessLayout(seq) : paletteLayout(seq, o.colors, o.dither);
  const delays = frameDelays(seq.durationMs, seq.frames.length);
  const ihdr = new Uint8Array(13);
  writeU32(ihdr, 0, seq.width);
  writeU32(ihdr, 4, seq.height);
  ihdr[8] = layout.bitDepth;
  ihdr[9] = layout.colorType;
  const actl = new Uint8Array(8);
  writeU32(actl, 0, seq.frames.length);
  writeU32(actl, 4, o.numPlays);
  const parts: Uint8Array[] = [PNG_SIGNATURE, writeChunk('IHDR', ihdr), writeChunk('acTL', actl)];
  parts.push(...layout.extraChunks);
  let seqNo = 0;
  const { rects, dispose } = planApngFrames(layout.planes);
  const compressed =
    o.compression === 'fast' ? await compressRectsFast(rects, layout) : compressRects(rects, layout);
  for (let i = 0; i < seq.frames.length; i++) {
    parts.push(fcTL(seqNo++, rects[i], delays[i], dispose[i]));
    const z = compressed[i];
    if (i === 0) {
      parts.push(writeChunk('IDAT', z));
    } else {
      const fdat = new Uint8Array(4 + z.length);
      writeU32(fdat, 0, seqNo++);
      fdat.set(z, 4);
      parts.push(writeChunk('fdAT', fdat));
    }
  }
  parts.push(writeChunk('IEND', new Uint8Array(0)));
  return Buffer.concat(parts);
}
