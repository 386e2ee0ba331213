/**
 * Byte surgery on WebP files for parser and validator tests: files with a wrong loop
 * count or frame duration are made by patching a good file. Not used by production code.
 */

/** Byte offsets of the top-level chunks called `id`. */
export function chunksAt(buf: Uint8Array, id: string): number[] {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.length);
  const out: number[] = [];
  for (let at = 12; at + 8 <= b.length; at += 8 + b.readUInt32LE(at + 4) + (b.readUInt32LE(at + 4) & 1)) {
    if (b.toString('latin1', at, at + 4) === id) out.push(at);
  }
  return out;
}

/** Byte offset of the first top-level chunk `id`. */
export function chunkAt(buf: Uint8Array, id: string): number {
  const [at] = chunksAt(buf, id);
  if (at === undefined) throw new Error(`no ${id} chunk`);
  return at;
}

/** A copy of `buf` whose ANIM loop count is `loop`. */
export function withLoop(buf: Uint8Array, loop: number): Buffer {
  const out = Buffer.from(buf);
  out.writeUInt16LE(loop, chunkAt(out, 'ANIM') + 8 + 4);
  return out;
}

/** A copy of `buf` whose every frame lasts `ms`. */
export function withFrameDuration(buf: Uint8Array, ms: number): Buffer {
  const out = Buffer.from(buf);
  for (const at of chunksAt(out, 'ANMF')) out.writeUIntLE(ms, at + 8 + 12, 3);
  return out;
}
