/**
 * GIF87a/89a decoder: every frame as a fully composed straight-RGBA canvas, applying
 * transparency, interlacing and disposal the way browsers do (disposal 2 restores to
 * transparent, not to the background colour). Strict about structure, so the validator
 * can trust what it reads.
 */
import { AppError } from '../domain/errors.ts';
import { lzwDecode } from './gif.lzw.ts';

/** One frame's image block and control, as the file stores them. */
export interface GifFrameInfo {
  delayCs: number;
  disposal: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DecodedGifFrame extends GifFrameInfo {
  /** The composed canvas while this frame shows, straight RGBA. */
  rgba: Uint8Array;
}

/** The file's facts without its frames' pixels. */
export interface GifInfo {
  width: number;
  height: number;
  /** NETSCAPE2.0 loop count (0 = forever), or null without a loop block (plays once). */
  loopCount: number | null;
  /** Some frame declares a transparent index. */
  hasTransparency: boolean;
  frames: GifFrameInfo[];
}

export interface DecodedGif extends Omit<GifInfo, 'frames'> {
  frames: DecodedGifFrame[];
}

/** Decoding allocates a canvas per frame; this keeps a hostile file within reason. */
const MAX_CANVAS_BYTES = 1 << 28;

function invalid(message: string): AppError {
  return new AppError('invalid_image', `Malformed GIF: ${message}`);
}

class Reader {
  at = 0;
  constructor(readonly buf: Uint8Array) {}

  need(n: number, what: string): void {
    if (this.at + n > this.buf.length) throw invalid(`truncated ${what} at byte ${this.at}`);
  }

  u8(what: string): number {
    this.need(1, what);
    return this.buf[this.at++];
  }

  u16(what: string): number {
    this.need(2, what);
    const v = this.buf[this.at] | (this.buf[this.at + 1] << 8);
    this.at += 2;
    return v;
  }

  bytes(n: number, what: string): Uint8Array {
    this.need(n, what);
    const out = this.buf.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }

  /** Concatenated data sub-blocks up to the 0 terminator. */
  subBlocks(what: string): Uint8Array {
    const parts: Uint8Array[] = [];
    for (let size = this.u8(what); size > 0; size = this.u8(what)) parts.push(this.bytes(size, what));
    return Buffer.concat(parts);
  }
}

/** True when `buf` starts with a GIF signature; never throws. */
export function isGif(buf: Uint8Array): boolean {
  const sig = Buffer.from(buf.subarray(0, 6)).toString('latin1');
  return sig === 'GIF89a' || sig === 'GIF87a';
}

/** Row order of an interlaced image: passes every 8th from 0, 8th from 4, 4th from 2, 2nd from 1. */
function interlacedRows(height: number): number[] {
  const rows: number[] = [];
  for (const [start, step] of [
    [0, 8],
    [4, 8],
    [2, 4],
    [1, 2],
  ]) {
    for (let y = start; y < height; y += step) rows.push(y);
  }
  return rows;
}

/** A colour table as opaque RGBA words in the machine's byte order. */
function paletteWords(table: Uint8Array): Uint32Array {
  const bytes = new Uint8Array((table.length / 3) * 4);
  for (let i = 0; i < table.length / 3; i++) {
    bytes.set(table.subarray(i * 3, i * 3 + 3), i * 4);
    bytes[i * 4 + 3] = 255;
  }
  return new Uint32Array(bytes.buffer);
}

interface Control {
  disposal: number;
  delayCs: number;
  transparent: number;
}

/** Decodes a GIF, every frame as a composed canvas; throws an `invalid_image` AppError naming the defect. */
export function decodeGif(buf: Uint8Array): DecodedGif {
  const canvases: Uint8Array[] = [];
  const info = readGif(buf, (canvas) => canvases.push(canvas.slice()));
  return { ...info, frames: info.frames.map((f, i) => ({ ...f, rgba: canvases[i] })) };
}

/**
 * Reads a GIF and hands `visit` the composed canvas while each frame shows. The canvas is
 * the decoder's own and changes after the call: a caller keeps a copy of what it needs
 * (the validator keeps the first frame only, not a snapshot of every frame).
 */
export function readGif(buf: Uint8Array, visit: (canvas: Uint8Array, index: number) => void): GifInfo {
  if (!isGif(buf)) throw invalid('bad signature (not a GIF file)');
  const r = new Reader(buf);
  r.at = 6;
  const width = r.u16('logical screen');
  const height = r.u16('logical screen');
  const packed = r.u8('logical screen');
  r.u8('logical screen'); // background colour index: browsers clear to transparent instead
  r.u8('logical screen');
  if (width === 0 || height === 0) throw invalid(`logical screen is ${width}x${height}`);
  if (width * height * 4 > MAX_CANVAS_BYTES) throw invalid(`logical screen ${width}x${height} is too large`);
  const global = packed & 0x80 ? r.bytes(3 << ((packed & 7) + 1), 'global colour table') : null;
  const canvas = new Uint8Array(width * height * 4);
  const words = new Uint32Array(canvas.buffer);
  const frames: GifFrameInfo[] = [];
  let loopCount: number | null = null;
  let hasTransparency = false;
  let control: Control = { disposal: 0, delayCs: 0, transparent: -1 };
  for (;;) {
    const block = r.u8('block');
    if (block === 0x3b) break;
    if (block === 0x21) {
      const label = r.u8('extension');
      if (label === 0xf9) {
        const body = r.subBlocks('graphic control extension');
        if (body.length < 4) throw invalid('graphic control extension shorter than 4 bytes');
        control = {
          disposal: (body[0] >> 2) & 7,
          delayCs: body[1] | (body[2] << 8),
          transparent: body[0] & 1 ? body[3] : -1,
        };
      } else if (label === 0xff) {
        const id = r.bytes(r.u8('application extension'), 'application extension');
        const body = r.subBlocks('application extension');
        const name = Buffer.from(id).toString('latin1');
        if ((name === 'NETSCAPE2.0' || name === 'ANIMEXTS1.0') && body.length >= 3 && body[0] === 1) {
          loopCount = body[1] | (body[2] << 8);
        }
      } else r.subBlocks('extension');
      continue;
    }
    if (block !== 0x2c) throw invalid(`unknown block 0x${block.toString(16)} at byte ${r.at - 1}`);
    const x = r.u16('image descriptor');
    const y = r.u16('image descriptor');
    const w = r.u16('image descriptor');
    const h = r.u16('image descriptor');
    const flags = r.u8('image descriptor');
    const index = frames.length;
    if (w === 0 || h === 0 || x + w > width || y + h > height) {
      throw invalid(
        `frame ${index} (${w}x${h} at ${x},${y}) is out of bounds of the ${width}x${height} screen`,
      );
    }
    const table = flags & 0x80 ? r.bytes(3 << ((flags & 7) + 1), 'local colour table') : global;
    if (!table) throw invalid(`frame ${index} has no colour table`);
    const minCodeSize = r.u8('image data');
    const pixels = lzwDecode(r.subBlocks('image data'), minCodeSize, w * h);
    const rows = flags & 0x40 ? interlacedRows(h) : null;
    const saved = control.disposal === 3 ? canvas.slice() : null;
    if (control.transparent >= 0) hasTransparency = true;
    const colours = paletteWords(table);
    // Any index fits a 256-entry table; a smaller one needs the scan.
    let highest = 0;
    if (colours.length < 256) {
      for (let i = 0; i < pixels.length; i++)
        if (pixels[i] > highest && pixels[i] !== control.transparent) highest = pixels[i];
    }
    if (highest >= colours.length)
      throw invalid(`frame ${index} uses colour ${highest} of a ${colours.length}-entry table`);
    for (let row = 0; row < h; row++) {
      const at = (y + (rows ? rows[row] : row)) * width + x;
      for (let col = 0; col < w; col++) {
        const k = pixels[row * w + col];
        if (k !== control.transparent) words[at + col] = colours[k];
      }
    }
    visit(canvas, index);
    frames.push({
      delayCs: control.delayCs,
      disposal: control.disposal,
      x,
      y,
      width: w,
      height: h,
    });
    if (control.disposal === 2) {
      for (let row = y; row < y + h; row++) canvas.fill(0, (row * width + x) * 4, (row * width + x + w) * 4);
    } else if (saved) canvas.set(saved);
    control = { disposal: 0, delayCs: 0, transparent: -1 };
  }
  if (frames.length === 0) throw invalid('no image in the file');
  return { width, height, loopCount, hasTransparency, frames };
}
