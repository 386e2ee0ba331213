import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { FrameSequence } from '../domain/image.ts';

const MAGIC = Buffer.from('PCFRAMES1');
const deflate = promisify(zlib.deflate);
const inflate = promisify(zlib.inflate);

/**
 * Serialises lossless master frames between the animate and encode stages:
 * a magic, a JSON header and the deflated RGBA frames. Level 1 because these are
 * written once and read once; the platform encoders do the real compression.
 * Asynchronous, on libuv's threads: a 512 px master is 16 MB of RGBA, whose deflate
 * would otherwise hold the thread that also serves HTTP for ~60 ms.
 */
export async function encodeFrames(seq: FrameSequence): Promise<Buffer> {
  const header = Buffer.from(
    JSON.stringify({
      width: seq.width,
      height: seq.height,
      count: seq.frames.length,
      durationMs: seq.durationMs,
    }),
  );
  const len = Buffer.alloc(4);
  len.writeUInt32BE(header.length);
  const body = await deflate(Buffer.concat(seq.frames), { level: 1 });
  return Buffer.concat([MAGIC, len, header, body]);
}

/** Reads frames written by `encodeFrames`; throws on anything else. */
export async function decodeFrames(buf: Buffer): Promise<FrameSequence> {
  if (buf.length < MAGIC.length + 4 || !buf.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new Error('not a PopCon master frames file');
  }
  const len = buf.readUInt32BE(MAGIC.length);
  const headerEnd = MAGIC.length + 4 + len;
  const h = JSON.parse(buf.subarray(MAGIC.length + 4, headerEnd).toString()) as {
    width: number;
    height: number;
    count: number;
    durationMs: number;
  };
  const raw = await inflate(buf.subarray(headerEnd));
  const frameBytes = h.width * h.height * 4;
  if (raw.length !== frameBytes * h.count) throw new Error('master frames file is truncated');
  const frames: Uint8Array[] = [];
  for (let i = 0; i < h.count; i++)
    frames.push(new Uint8Array(raw.subarray(i * frameBytes, (i + 1) * frameBytes)));
  return { width: h.width, height: h.height, frames, durationMs: h.durationMs };
}
