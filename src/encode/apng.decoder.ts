/**
 * APNG/PNG decoder: every frame as a fully composed straight-RGBA canvas.
 * Strict about structure (CRCs, sequence numbers, bounds) so that the validator can
 * trust what it reads; a plain PNG decodes as a single frame.
 */
import { AppError } from '../domain/errors.ts';
import { BLEND_OVER, composeEach, DISPOSE_PREVIOUS, type FrameControl } from './apng.compose.ts';
import { hasPngSignature, type PngChunk, readChunks, readU16, readU32 } from './png.chunks.ts';
import { decodeImageData, type PixelFormat, type PngHeader, parseIhdr } from './png.pixels.ts';

/** One frame's delay, as its fcTL stores it. */
export interface FrameInfo {
  delayNum: number;
  /** Already mapped from 0 to 100, as the APNG spec says. */
  delayDen: number;
}

export interface DecodedFrame extends FrameInfo {
  /** The fully composed canvas after this frame, straight RGBA. */
  rgba: Uint8Array;
}

/** The file's facts without its frames' pixels. */
export interface AnimationInfo {
  width: number;
  height: number;
  /** 0 means loop forever. A still PNG reports 1. */
  numPlays: number;
  colorType: number;
  bitDepth: number;
  /** Colour type 4/6, or a tRNS chunk is present. */
  hasAlpha: boolean;
  /** True when the file has an acTL chunk (is an APNG). */
  animated: boolean;
  frames: FrameInfo[];
}

export interface DecodedAnimation extends Omit<AnimationInfo, 'frames'> {
  frames: DecodedFrame[];
}

interface FrameParts {
  control: FrameControl;
  parts: Uint8Array[];
}

function invalid(message: string): AppError {
  return new AppError('invalid_image', `Malformed PNG: ${message}`);
}

/** True when `buf` is a PNG whose chunks include acTL before the image data; never throws. */
export function isApng(buf: Uint8Array): boolean {
  if (!hasPngSignature(buf)) return false;
  for (let at = 8; at + 8 <= buf.length; at += 12 + readU32(buf, at)) {
    const type = String.fromCharCode(buf[at + 4], buf[at + 5], buf[at + 6], buf[at + 7]);
    if (type === 'acTL') return true;
    if (type === 'IDAT' || type === 'IEND') return false;
  }
  return false;
}

function parseFcTL(data: Uint8Array, header: PngHeader, index: number): FrameControl {
  if (data.length !== 26) throw invalid(`fcTL of frame ${index} has ${data.length} bytes, expected 26`);
  const fc: FrameControl = {
    width: readU32(data, 4),
    height: readU32(data, 8),
    x: readU32(data, 12),
    y: readU32(data, 16),
    delayNum: readU16(data, 20),
    delayDen: readU16(data, 22) || 100,
    disposeOp: data[24],
    blendOp: data[25],
  };
  if (
    fc.width === 0 ||
    fc.height === 0 ||
    fc.x + fc.width > header.width ||
    fc.y + fc.height > header.height
  ) {
    throw invalid(
      `frame ${index} (${fc.width}x${fc.height} at ${fc.x},${fc.y}) is out of bounds of the ${header.width}x${header.height} canvas`,
    );
  }
  if (fc.disposeOp > DISPOSE_PREVIOUS) throw invalid(`frame ${index} has unknown dispose_op ${fc.disposeOp}`);
  if (fc.blendOp > BLEND_OVER) throw invalid(`frame ${index} has unknown blend_op ${fc.blendOp}`);
  return fc;
}

function pixelFormat(header: PngHeader, plte: Uint8Array | null, trns: Uint8Array | null): PixelFormat {
  const fmt: PixelFormat = {
    colorType: header.colorType,
    bitDepth: header.bitDepth,
    palette: null,
    paletteSize: 0,
    transparentKey: null,
  };
  if (header.colorType === 3) {
    if (!plte) throw invalid('palette image without a PLTE chunk');
    fmt.paletteSize = plte.length / 3;
    fmt.palette = new Uint8Array(fmt.paletteSize * 4);
    for (let i = 0; i < fmt.paletteSize; i++) {
      fmt.palette.set(plte.subarray(i * 3, i * 3 + 3), i * 4);
      fmt.palette[i * 4 + 3] = trns && i < trns.length ? trns[i] : 255;
    }
  } else if (trns && header.colorType === 0) {
    if (trns.length !== 2) throw invalid(`tRNS for greyscale has ${trns.length} bytes, expected 2`);
    fmt.transparentKey = [readU16(trns, 0)];
  } else if (trns && header.colorType === 2) {
    if (trns.length !== 6) throw invalid(`tRNS for RGB has ${trns.length} bytes, expected 6`);
    fmt.transparentKey = [readU16(trns, 0), readU16(trns, 2), readU16(trns, 4)];
  }
  return fmt;
}

function checkPlte(data: Uint8Array, header: PngHeader): Uint8Array {
  const entries = data.length / 3;
  if (!Number.isInteger(entries) || entries < 1 || entries > 256) {
    throw invalid(`PLTE has ${data.length} bytes, not 1..256 RGB entries`);
  }
  if (header.colorType === 3 && entries > 1 << header.bitDepth) {
    throw invalid(`PLTE has ${entries} entries, more than bit depth ${header.bitDepth} can index`);
  }
  return data;
}

/** Walks the chunks after IHDR and collects palette, transparency, animation control and frame data. */
function collect(chunks: readonly PngChunk[], header: PngHeader) {
  let plte: Uint8Array | null = null;
  let trns: Uint8Array | null = null;
  let actl: { numFrames: number; numPlays: number } | null = null;
  const idat: Uint8Array[] = [];
  const frames: FrameParts[] = [];
  let idatIsFrame0 = false;
  let sequence = 0;
  const nextSequence = (data: Uint8Array, type: string) => {
    const got = readU32(data, 0);
    if (got !== sequence) throw invalid(`${type} sequence number is ${got}, expected ${sequence}`);
    sequence++;
  };
  for (const { type, data } of chunks.slice(1)) {
    if (type === 'IHDR') throw invalid('more than one IHDR chunk');
    else if (type === 'PLTE') plte = checkPlte(data, header);
    else if (type === 'tRNS') trns = data;
    else if (type === 'acTL') {
      if (idat.length > 0) throw invalid('acTL after image data');
      if (data.length !== 8) throw invalid(`acTL has ${data.length} bytes, expected 8`);
      actl = { numFrames: readU32(data, 0), numPlays: readU32(data, 4) };
      if (actl.numFrames === 0) throw invalid('acTL declares 0 frames');
    } else if (type === 'fcTL' && actl) {
      if (data.length >= 4) nextSequence(data, type);
      const control = parseFcTL(data, header, frames.length);
      if (idat.length === 0 && frames.length === 0) idatIsFrame0 = true;
      frames.push({ control, parts: idatIsFrame0 && frames.length === 0 ? idat : [] });
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'fdAT' && actl) {
      if (data.length < 4) throw invalid('fdAT chunk shorter than its sequence number');
      nextSequence(data, type);
      const frame = frames.at(-1);
      if (!frame || (idatIsFrame0 && frames.length === 1)) throw invalid('fdAT without a preceding fcTL');
      frame.parts.push(data.subarray(4));
    } else if (type === 'IEND') break;
    // An uppercase first letter marks a chunk a decoder must understand.
    else if (type.charCodeAt(0) < 97) throw invalid(`unknown critical chunk ${type}`);
  }
  return { plte, trns, actl, idat, frames, idatIsFrame0 };
}

function joinParts(parts: readonly Uint8Array[]): Uint8Array {
  return parts.length === 1 ? parts[0] : Buffer.concat(parts);
}

/** Decodes a PNG or APNG, every frame as a composed canvas; throws an `invalid_image` AppError naming the defect. */
export function decodeApng(buf: Uint8Array): DecodedAnimation {
  const canvases: Uint8Array[] = [];
  const info = readApng(buf, (canvas) => canvases.push(canvas.slice()));
  return { ...info, frames: info.frames.map((f, i) => ({ ...f, rgba: canvases[i] })) };
}

/**
 * Reads a PNG or APNG and hands `visit` the composed canvas after each frame. The canvas
 * is the decoder's own and changes after the call: a caller keeps a copy of what it needs
 * (the validator keeps the first frame only, not a snapshot of every frame).
 */
export function readApng(buf: Uint8Array, visit: (canvas: Uint8Array, index: number) => void): AnimationInfo {
  const chunks = readChunks(buf);
  if (chunks[0]?.type !== 'IHDR') throw invalid('missing IHDR (it must be the first chunk)');
  const header = parseIhdr(chunks[0].data);
  const { plte, trns, actl, idat, frames, idatIsFrame0 } = collect(chunks, header);
  if (idat.length === 0) throw invalid('no IDAT image data');
  const fmt = pixelFormat(header, plte, trns);
  const base = {
    width: header.width,
    height: header.height,
    colorType: header.colorType,
    bitDepth: header.bitDepth,
    hasAlpha: header.colorType === 4 || header.colorType === 6 || trns !== null,
  };
  const decode = (parts: readonly Uint8Array[], w: number, h: number) =>
    decodeImageData(joinParts(parts), w, h, fmt, header.interlace);
  if (!actl) {
    visit(decode(idat, header.width, header.height), 0);
    return { ...base, numPlays: 1, animated: false, frames: [{ delayNum: 0, delayDen: 1 }] };
  }
  if (frames.length !== actl.numFrames) {
    throw invalid(`acTL declares ${actl.numFrames} frames but the file has ${frames.length}`);
  }
  if (idatIsFrame0) {
    const c = frames[0].control;
    if (c.x !== 0 || c.y !== 0 || c.width !== header.width || c.height !== header.height) {
      throw invalid('the first frame is the default image but does not cover the whole canvas');
    }
  }
  frames.forEach((f, i) => {
    if (f.parts.length === 0) throw invalid(`frame ${i} has no image data`);
  });
  const controls = frames.map((f) => f.control);
  const rectOf = (i: number) => decode(frames[i].parts, controls[i].width, controls[i].height);
  composeEach(header.width, header.height, controls, rectOf, visit);
  return {
    ...base,
    numPlays: actl.numPlays,
    animated: true,
    frames: controls.map((c) => ({ delayNum: c.delayNum, delayDen: c.delayDen })),
  };
}
