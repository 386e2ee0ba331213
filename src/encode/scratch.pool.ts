/**
 * Reusable scratch memory for the encoders' large temporary buffers (frame strips, flattened
 * frames). Why: on PopCon's VM a fresh 16 MB buffer costs ~50 ms of page faults before the
 * first byte is useful, against ~2 ms when the memory was touched before, and a set
 * allocates hundreds of them. Buffers return to the pool when the work that uses them ends.
 */
const MAX_POOLED = 6;
const free: Buffer[] = [];

/** Runs `work` with a scratch buffer of exactly `size` bytes (contents undefined), then takes it back. */
export async function withScratch<T>(size: number, work: (buf: Buffer) => Promise<T> | T): Promise<T> {
  let best = -1;
  for (let i = 0; i < free.length; i++) {
    if (free[i].length >= size && (best < 0 || free[i].length < free[best].length)) best = i;
  }
  const buf = best >= 0 ? free.splice(best, 1)[0] : Buffer.allocUnsafeSlow(size);
  try {
    return await work(buf.subarray(0, size));
  } finally {
    free.push(buf);
    // Keep the largest few: they serve every smaller request too.
    if (free.length > MAX_POOLED) free.sort((a, b) => b.length - a.length).pop();
  }
}
