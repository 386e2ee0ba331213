/**
 * Frames as one run of bytes without copying them, where their memory allows: the
 * built-in engine draws a whole loop into one block (shared memory, in order), and a
 * 512 px, 16-frame loop is 16 MB that a copy would first page in.
 */

/** A view of all frames' bytes in order when they lie back to back in one block, else null. */
export function framesView(frames: readonly Uint8Array[]): Buffer | null {
  const first = frames[0];
  if (!first) return null;
  const adjacent = frames.every(
    (f, i) => f.buffer === first.buffer && f.byteOffset === first.byteOffset + i * first.byteLength,
  );
  return adjacent ? Buffer.from(first.buffer, first.byteOffset, first.byteLength * frames.length) : null;
}
