/**
 * WebP container parser (RIFF: VP8X, ANIM, ANMF, ALPH, VP8, VP8L): canvas size, frames,
 * durations, loop count and alpha, read from the bytes without a codec. Pixels are left
 * to libwebp (see the validator), which is the decoder platforms use too.
 */
import { AppError } from '../domain/errors.ts';

export interface WebpFrameInfo {
  x: number;
  y: number;
  width: number;
  height: number;
  durationMs: number;
  /** Chunk ids inside the frame, e.g. ['ALPH', 'VP8 '] or ['VP8L']. */
  chunks: string[];
}

export interface WebpInfo {
  width: number;
  height: number;
  /** VP8X animation flag set and an ANIM chunk present. */
  animated: boolean;
  /** VP8X alpha flag, or a VP8L/ALPH frame in a still image. */
  hasAlpha: boolean;
  /** ANIM loop count (0 = forever); null for a still image. */
  loopCount: number | null;
  frames: WebpFrameInfo[];
}

function invalid(message: string): AppError {
  return new AppError('invalid_image', `Malformed WebP: ${message}`);
}

const u24 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8) | (b[at + 2] << 16);
const u32 = (b: Uint8Array, at: number) =>
  (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
const fourcc = (b: Uint8Array, at: number) => String.fromCharCode(b[at], b[at + 1], b[at + 2], b[at + 3]);

interface Chunk {
  id: string;
  data: Uint8Array;
}

/** Splits a RIFF payload into chunks (padded to even sizes), checking every length. */
function chunks(buf: Uint8Array, start: number, end: number): Chunk[] {
  const out: Chunk[] = [];
  let at = start;
  while (at < end) {
    if (at + 8 > end) throw invalid(`truncated chunk header at byte ${at}`);
    const id = fourcc(buf, at);
    const size = u32(buf, at + 4);
    if (at + 8 + size > end) throw invalid(`chunk ${id.trim()} at byte ${at} needs ${size} bytes`);
    out.push({ id, data: buf.subarray(at + 8, at + 8 + size) });
    at += 8 + size + (size & 1);
  }
  return out;
}

/** Width and height stored in a VP8 or VP8L bitstream header. */
function bitstreamSize(chunk: Chunk): { width: number; height: number } {
  const d = chunk.data;
  if (chunk.id === 'VP8L') {
    if (d.length < 5 || d[0] !== 0x2f) throw invalid('VP8L chunk without its signature');
    const bits = u32(d, 1);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (d.length < 10 || d[3] !== 0x9d || d[4] !== 0x01 || d[5] !== 0x2a)
    throw invalid('VP8 chunk without its start code');
  return { width: (d[6] | (d[7] << 8)) & 0x3fff, height: (d[8] | (d[9] << 8)) & 0x3fff };
}

function frameChunks(list: Chunk[], where: string): { ids: string[]; bitstream: Chunk } {
  const bitstream = list.find((c) => c.id === 'VP8 ' || c.id === 'VP8L');
  if (!bitstream) throw invalid(`${where} has no VP8 or VP8L bitstream`);
  return { ids: list.map((c) => c.id), bitstream };
}

/** True when `buf` is a RIFF/WEBP file; never throws. */
export function isWebp(buf: Uint8Array): boolean {
  return buf.length >= 12 && fourcc(buf, 0) === 'RIFF' && fourcc(buf, 8) === 'WEBP';
}

/** Parses a WebP file's structure; throws an `invalid_image` AppError on malformed input. */
export function parseWebp(buf: Uint8Array): WebpInfo {
  if (!isWebp(buf)) throw invalid('bad signature (not a RIFF/WEBP file)');
  const riffEnd = 8 + u32(buf, 4);
  if (riffEnd > buf.length) throw invalid(`RIFF size ${riffEnd - 8} runs past the end of the file`);
  const top = chunks(buf, 12, riffEnd);
  if (top.length === 0) throw invalid('no chunks');
  if (top[0].id !== 'VP8X') {
    const { bitstream } = frameChunks(top, 'the image');
    const size = bitstreamSize(bitstream);
    const frame = { x: 0, y: 0, ...size, durationMs: 0, chunks: top.map((c) => c.id) };
    return { ...size, animated: false, hasAlpha: bitstream.id === 'VP8L', loopCount: null, frames: [frame] };
  }
  const x = top[0].data;
  if (x.length < 10) throw invalid('VP8X chunk shorter than 10 bytes');
  const width = u24(x, 4) + 1;
  const height = u24(x, 7) + 1;
  const hasAlpha = (x[0] & 0x10) !== 0;
  const animFlag = (x[0] & 0x02) !== 0;
  const anim = top.find((c) => c.id === 'ANIM');
  const frames: WebpFrameInfo[] = [];
  for (const c of top) {
    if (c.id !== 'ANMF') continue;
    const d = c.data;
    if (d.length < 16) throw invalid(`frame ${frames.length} header shorter than 16 bytes`);
    const f = {
      x: u24(d, 0) * 2,
      y: u24(d, 3) * 2,
      width: u24(d, 6) + 1,
      height: u24(d, 9) + 1,
      durationMs: u24(d, 12),
    };
    if (f.x + f.width > width || f.y + f.height > height) {
      throw invalid(
        `frame ${frames.length} (${f.width}x${f.height} at ${f.x},${f.y}) is outside the ${width}x${height} canvas`,
      );
    }
    const { ids, bitstream } = frameChunks(chunks(d, 16, d.length), `frame ${frames.length}`);
    const coded = bitstreamSize(bitstream);
    if (coded.width !== f.width || coded.height !== f.height) {
      throw invalid(
        `frame ${frames.length} is ${f.width}x${f.height} but its bitstream is ${coded.width}x${coded.height}`,
      );
    }
    frames.push({ ...f, chunks: ids });
  }
  if (animFlag && !anim) throw invalid('animation flag set but no ANIM chunk');
  if (!animFlag) {
    const { ids, bitstream } = frameChunks(top, 'the image');
    frames.push({ x: 0, y: 0, ...bitstreamSize(bitstream), durationMs: 0, chunks: ids });
  } else if (frames.length === 0) throw invalid('animation without ANMF frames');
  const loopCount = anim && anim.data.length >= 6 ? anim.data[4] | (anim.data[5] << 8) : null;
  return { width, height, animated: animFlag && !!anim, hasAlpha, loopCount, frames };
}
