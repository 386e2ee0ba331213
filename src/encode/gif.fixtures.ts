/**
 * A literal GIF writer for decoder and validator tests: every block is spelled out, so
 * tests can build files our encoder would never produce (local colour tables, interlace,
 * disposal 3, missing loop blocks, broken bounds). Not used by production code.
 */
import { lzwEncode } from './gif.lzw.ts';

export interface RawGifFrame {
  x?: number;
  y?: number;
  width: number;
  height: number;
  /** Palette indices, rows top to bottom (in file order when `interlaced`). */
  indices: number[] | Uint8Array;
  delayCs?: number;
  disposal?: number;
  transparent?: number;
  /** RGB triples of a local colour table (its size must be a power of two ≥ 2). */
  localTable?: number[];
  interlaced?: boolean;
  /** Leave out the graphic control extension. */
  noControl?: boolean;
}

export interface RawGif {
  width: number;
  height: number;
  /** RGB triples of the global colour table, or null for none. */
  globalTable: number[] | null;
  /** NETSCAPE loop count, or null for no loop block. */
  loop: number | null;
  frames: RawGifFrame[];
  /** Replaces the 6-byte signature. */
  signature?: string;
}

const u16 = (v: number) => [v & 0xff, (v >> 8) & 0xff];
const tableBits = (table: number[]) => Math.max(1, Math.ceil(Math.log2(table.length / 3)));

function blocks(data: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < data.length; i += 255) {
    const chunk = data.subarray(i, i + 255);
    out.push(chunk.length, ...chunk);
  }
  out.push(0);
  return out;
}

/** Builds a GIF file from literal parts. */
export function buildGif(spec: RawGif): Buffer {
  const out: number[] = [...Buffer.from(spec.signature ?? 'GIF89a', 'latin1')];
  const g = spec.globalTable;
  const flags = g ? 0x80 | ((tableBits(g) - 1) << 4) | (tableBits(g) - 1) : 0;
  out.push(...u16(spec.width), ...u16(spec.height), flags, 0, 0, ...(g ?? []));
  if (spec.loop !== null) {
    out.push(0x21, 0xff, 0x0b, ...Buffer.from('NETSCAPE2.0', 'latin1'), 3, 1, ...u16(spec.loop), 0);
  }
  for (const f of spec.frames) {
    if (!f.noControl) {
      const packed = ((f.disposal ?? 1) << 2) | (f.transparent !== undefined ? 1 : 0);
      out.push(0x21, 0xf9, 4, packed, ...u16(f.delayCs ?? 10), f.transparent ?? 0, 0);
    }
    const local = f.localTable;
    const lflags = (local ? 0x80 | (tableBits(local) - 1) : 0) | (f.interlaced ? 0x40 : 0);
    out.push(
      0x2c,
      ...u16(f.x ?? 0),
      ...u16(f.y ?? 0),
      ...u16(f.width),
      ...u16(f.height),
      lflags,
      ...(local ?? []),
    );
    const bits = Math.max(2, tableBits(local ?? g ?? [0, 0, 0, 0, 0, 0]));
    out.push(bits, ...blocks(lzwEncode(Uint8Array.from(f.indices), bits)));
  }
  out.push(0x3b);
  return Buffer.from(out);
}
