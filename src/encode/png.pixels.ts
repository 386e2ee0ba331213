/**
 * PNG pixel layouts: IHDR parsing, inflating and unfiltering image data into straight
 * RGBA (all colour types and bit depths, Adam7 too), and packing palette indices.
 */
import { inflateSync } from 'node:zlib';
import { AppError } from '../domain/errors.ts';
import { readU32 } from './png.chunks.ts';
import { unfilterRows } from './png.filters.ts';

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace: number;
}

/** What is needed to turn samples into RGBA: the header plus PLTE/tRNS content. */
export interface PixelFormat {
  colorType: number;
  bitDepth: number;
  /** Palette as RGBA quadruples (alpha from tRNS, 255 otherwise). */
  palette: Uint8Array | null;
  paletteSize: number;
  /** tRNS colour key for colour types 0 and 2, as raw sample values. */
  transparentKey: number[] | null;
}

/** Decoding allocates a full RGBA canvas per frame; 64 Mpx keeps that within reason. */
const MAX_PIXELS = 1 << 26;

const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const DEPTHS: Readonly<Record<number, readonly number[]>> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

function invalid(message: string): AppError {
  return new AppError('invalid_image', `Malformed PNG: ${message}`);
}

/** Parses and checks an IHDR chunk body. */
export function parseIhdr(data: Uint8Array): PngHeader {
  if (data.length !== 13) throw invalid(`IHDR has ${data.length} bytes, expected 13`);
  const header = {
    width: readU32(data, 0),
    height: readU32(data, 4),
    bitDepth: data[8],
    colorType: data[9],
    interlace: data[12],
  };
  if (header.width === 0 || header.height === 0 || header.width > 0x7fffffff || header.height > 0x7fffffff) {
    throw invalid(`invalid image size ${header.width}x${header.height}`);
  }
  if (header.width * header.height > MAX_PIXELS) {
    throw invalid(
      `image of ${header.width}x${header.height} is larger than the ${MAX_PIXELS} pixels we decode`,
    );
  }
  const depths = DEPTHS[header.colorType];
  if (!depths) throw invalid(`unknown colour type ${header.colorType}`);
  if (!depths.includes(header.bitDepth)) {
    throw invalid(`bit depth ${header.bitDepth} is not allowed for colour type ${header.colorType}`);
  }
  if (data[10] !== 0 || data[11] !== 0) throw invalid('unknown compression or filter method');
  if (header.interlace > 1) throw invalid(`unknown interlace method ${header.interlace}`);
  return header;
}

/** Bytes per complete pixel for filtering, at least 1. */
export function filterBpp(colorType: number, bitDepth: number): number {
  return Math.max(1, (CHANNELS[colorType] * bitDepth) >> 3);
}

/** Bytes in one unfiltered scanline of `width` pixels. */
export function rowBytes(colorType: number, bitDepth: number, width: number): number {
  return Math.ceil((width * CHANNELS[colorType] * bitDepth) / 8);
}

/**
 * 8-bit palette rows, a word per pixel from a lookup table: the common case (every APNG
 * we write), and in the validator's decode of each file a third of the time of the
 * general per-channel path.
 */
function paletteToRgba(raw: Uint8Array, width: number, height: number, stride: number, fmt: PixelFormat) {
  const entries = new Uint8Array(256 * 4);
  entries.set((fmt.palette as Uint8Array).subarray(0, Math.min(256, fmt.paletteSize) * 4));
  const lut = new Uint32Array(entries.buffer);
  const out = new Uint8Array(width * height * 4);
  const words = new Uint32Array(out.buffer);
  for (let y = 0, o = 0; y < height; y++) {
    for (let x = 0, r = y * stride; x < width; x++, r++) {
      const index = raw[r];
      if (index >= fmt.paletteSize) {
        throw invalid(`palette index ${index} out of range (palette has ${fmt.paletteSize} entries)`);
      }
      words[o++] = lut[index];
    }
  }
  return out;
}

/** Expands unfiltered scanlines of one (sub)image into straight RGBA. */
function samplesToRgba(raw: Uint8Array, width: number, height: number, fmt: PixelFormat): Uint8Array {
  const { colorType, bitDepth, palette, transparentKey: key } = fmt;
  const stride = rowBytes(colorType, bitDepth, width);
  const channels = CHANNELS[colorType];
  const maxSample = (1 << bitDepth) - 1;
  const sample = (row: number, index: number): number => {
    if (bitDepth === 8) return raw[row + index];
    if (bitDepth === 16) return (raw[row + 2 * index] << 8) | raw[row + 2 * index + 1];
    const bit = index * bitDepth;
    return (raw[row + (bit >> 3)] >> (8 - bitDepth - (bit & 7))) & maxSample;
  };
  const to8 = (v: number): number => (bitDepth === 16 ? v >> 8 : bitDepth === 8 ? v : (v * 255) / maxSample);
  if (colorType === 6 && bitDepth === 8) return raw.slice(0, width * height * 4);
  if (colorType === 3 && bitDepth === 8 && palette) return paletteToRgba(raw, width, height, stride, fmt);
  const out = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const row = y * stride;
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      const s = x * channels;
      if (colorType === 3) {
        const index = sample(row, x);
        if (!palette || index >= fmt.paletteSize) {
          throw invalid(`palette index ${index} out of range (palette has ${fmt.paletteSize} entries)`);
        }
        out[o] = palette[index * 4];
        out[o + 1] = palette[index * 4 + 1];
        out[o + 2] = palette[index * 4 + 2];
        out[o + 3] = palette[index * 4 + 3];
      } else if (colorType === 0 || colorType === 4) {
        const g = sample(row, s);
        out[o] = out[o + 1] = out[o + 2] = to8(g);
        if (colorType === 4) out[o + 3] = to8(sample(row, s + 1));
        else out[o + 3] = key && key[0] === g ? 0 : 255;
      } else {
        const r = sample(row, s);
        const g = sample(row, s + 1);
        const b = sample(row, s + 2);
        out[o] = to8(r);
        out[o + 1] = to8(g);
        out[o + 2] = to8(b);
        if (colorType === 6) out[o + 3] = to8(sample(row, s + 3));
        else out[o + 3] = key && key[0] === r && key[1] === g && key[2] === b ? 0 : 255;
      }
    }
  }
  return out;
}

const ADAM7: readonly (readonly [number, number, number, number])[] = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
];

/** Inflates, unfilters and expands the zlib stream of one image (or APNG frame) to RGBA. */
export function decodeImageData(
  zdata: Uint8Array,
  width: number,
  height: number,
  fmt: PixelFormat,
  interlace: number,
): Uint8Array {
  let data: Uint8Array;
  // Bounded so that a tiny zlib bomb cannot allocate gigabytes; Adam7 adds at most 15 filter bytes per row.
  const expected = height * (rowBytes(fmt.colorType, fmt.bitDepth, width) + 1) + 15 * height;
  try {
    data = inflateSync(zdata, { maxOutputLength: 2 * expected + 65536 });
  } catch (err) {
    throw new AppError('invalid_image', `Malformed PNG: image data does not inflate (${String(err)})`, {
      cause: err,
    });
  }
  const bpp = filterBpp(fmt.colorType, fmt.bitDepth);
  if (interlace === 0) {
    const raw = unfilterRows(data, height, rowBytes(fmt.colorType, fmt.bitDepth, width), bpp);
    return samplesToRgba(raw, width, height, fmt);
  }
  const out = new Uint8Array(width * height * 4);
  let at = 0;
  for (const [x0, y0, dx, dy] of ADAM7) {
    const pw = Math.ceil((width - x0) / dx);
    const ph = Math.ceil((height - y0) / dy);
    if (pw <= 0 || ph <= 0) continue;
    const passBytes = ph * (rowBytes(fmt.colorType, fmt.bitDepth, pw) + 1);
    const raw = unfilterRows(data.subarray(at), ph, rowBytes(fmt.colorType, fmt.bitDepth, pw), bpp);
    const rgba = samplesToRgba(raw, pw, ph, fmt);
    at += passBytes;
    for (let y = 0; y < ph; y++) {
      for (let x = 0; x < pw; x++) {
        const o = ((y0 + y * dy) * width + x0 + x * dx) * 4;
        out.set(rgba.subarray((y * pw + x) * 4, (y * pw + x) * 4 + 4), o);
      }
    }
  }
  return out;
}

/** Packs one-byte palette indices (a `width`-wide rectangle) into scanlines of `bitDepth` bits. */
export function packIndices(
  indices: Uint8Array,
  width: number,
  height: number,
  bitDepth: number,
): Uint8Array {
  if (bitDepth === 8) return indices;
  const stride = rowBytes(3, bitDepth, width);
  const out = new Uint8Array(stride * height);
  const perByte = 8 / bitDepth;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const shift = 8 - bitDepth * ((x % perByte) + 1);
      out[y * stride + Math.floor(x / perByte)] |= indices[y * width + x] << shift;
    }
  }
  return out;
}

/** The smallest PNG bit depth that can index `paletteSize` entries. */
export function paletteBitDepth(paletteSize: number): number {
  if (paletteSize <= 2) return 1;
  if (paletteSize <= 4) return 2;
  if (paletteSize <= 16) return 4;
  return 8;
}
