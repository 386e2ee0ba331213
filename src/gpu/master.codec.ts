/**
 * The lossless master of the animate reply: a plain APNG that any decoder
 * reads (a Python worker can write one with Pillow; any lossless APNG decodes).
 *
 * Trade-off, measured on a 16-frame 180 px set (2 MB of RGBA): `encodeApng(seq,
 * {lossless: true})` makes 382 KB in ~400 ms (delta rectangles, per-row filter
 * search, zlib 9); this writer makes ~430–460 KB in ~16–19 ms (every frame whole,
 * filter None, zlib 1, frames deflated in parallel on libuv's pool). 12–20 % more
 * bytes on loopback or the pod's network costs far less than 25× the CPU on
 * every emoji. Every frame is stored whole with blend SOURCE, so the decoded
 * canvas is the frame byte for byte, invisible pixels included.
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { FrameSequence } from '../domain/image.ts';
import { decodeApng, type FrameDelay, frameDelays } from '../encode/index.ts';
import { type AnimateReplyHeaders, MASTER_HEADERS } from './contract.ts';

const deflate = promisify(zlib.deflate);
const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

// Node 20.11 (our floor) has no zlib.crc32.
function crc32(parts: readonly Uint8Array[]): number {
  let c = 0xffffffff;
  for (const p of parts) for (let i = 0; i < p.length; i++) c = CRC_TABLE[(c ^ p[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, ...data: Uint8Array[]): Buffer {
  const len = data.reduce((n, d) => n + d.length, 0);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(len, 0);
  head.write(type, 4, 'latin1');
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32([head.subarray(4), ...data]));
  return Buffer.concat([head, ...data, tail]);
}

function u32s(...values: number[]): Buffer {
  const b = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => {
    b.writeUInt32BE(v, i * 4);
  });
  return b;
}

/** Rows of one frame, each prefixed with filter type 0 (None). */
function scanlines(frame: Uint8Array, width: number, height: number): Buffer {
  const stride = width * 4;
  const out = Buffer.alloc(height * (stride + 1));
  for (let y = 0; y < height; y++)
    out.set(frame.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  return out;
}

function fcTL(seq: number, width: number, height: number, delay: FrameDelay): Buffer {
  const b = Buffer.alloc(26);
  b.writeUInt32BE(seq, 0);
  b.writeUInt32BE(width, 4);
  b.writeUInt32BE(height, 8);
  // x and y offsets stay 0; dispose NONE (0) and blend SOURCE (0) stay 0.
  b.writeUInt16BE(delay.num, 20);
  b.writeUInt16BE(delay.den, 22);
  return b;
}

/** Encodes lossless master frames as an APNG that loops forever; delays add up to `durationMs`. */
export async function encodeMaster(seq: FrameSequence): Promise<Buffer> {
  const { width, height, frames } = seq;
  const delays = frameDelays(seq.durationMs, frames.length);
  const compressed = await Promise.all(frames.map((f) => deflate(scanlines(f, width, height), { level: 1 })));
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA; compression, filter and interlace methods stay 0
  const parts: Buffer[] = [SIGNATURE, chunk('IHDR', ihdr), chunk('acTL', u32s(frames.length, 0))];
  let sequence = 0;
  compressed.forEach((data, i) => {
    parts.push(chunk('fcTL', fcTL(sequence++, width, height, delays[i])));
    parts.push(i === 0 ? chunk('IDAT', data) : chunk('fdAT', u32s(sequence++), data));
  });
  parts.push(chunk('IEND'));
  return Buffer.concat(parts);
}

/** The reply headers that describe a master: size, frame count, loop time and per-frame delays. */
export function masterHeaders(seq: FrameSequence, taskId: string): Record<string, string> {
  return {
    [MASTER_HEADERS.taskId]: taskId,
    [MASTER_HEADERS.width]: String(seq.width),
    [MASTER_HEADERS.height]: String(seq.height),
    [MASTER_HEADERS.frameCount]: String(seq.frames.length),
    [MASTER_HEADERS.durationMs]: String(seq.durationMs),
    [MASTER_HEADERS.frameDelays]: frameDelays(seq.durationMs, seq.frames.length)
      .map((d) => `${d.num}/${d.den}`)
      .join(','),
  };
}

/**
 * Decodes a master (any lossless APNG, not only ours) into frames and checks it
 * against its headers: a reply whose file and headers disagree is refused.
 */
export function decodeMaster(buf: Uint8Array, headers: AnimateReplyHeaders): FrameSequence {
  const anim = decodeApng(buf);
  const width = headers[MASTER_HEADERS.width];
  const height = headers[MASTER_HEADERS.height];
  const count = headers[MASTER_HEADERS.frameCount];
  const durationMs = headers[MASTER_HEADERS.durationMs];
  if (anim.width !== width || anim.height !== height || anim.frames.length !== count) {
    throw new Error(
      `master is ${anim.width}x${anim.height}, ${anim.frames.length} frames; headers say ${width}x${height}, ${count}`,
    );
  }
  const fileMs = anim.frames.reduce((ms, f) => ms + (1000 * f.delayNum) / f.delayDen, 0);
  // Whole-millisecond delays may round a fractional loop time by under 1 ms in total.
  if (Math.abs(fileMs - durationMs) >= 1) {
    throw new Error(`master frames last ${fileMs.toFixed(1)} ms; headers say ${durationMs} ms`);
  }
  return { width, height, frames: anim.frames.map((f) => f.rgba), durationMs };
}
