/**
 * The frame scrubber's arithmetic: which frame of a strip to show, where it
 * starts in the loop, and how to say it. Frames are numbered from 1 for people
 * and indexed from 0 in the strip (frame i sits at x = i × frameWidth).
 */

/** When each frame starts within the loop, in ms, and the loop's length. */
export function frameTimeline(delaysMs: readonly number[]): { starts: number[]; totalMs: number } {
  const starts: number[] = [];
  let t = 0;
  for (const d of delaysMs) {
    starts.push(t);
    t += Math.max(0, d);
  }
  return { starts, totalMs: t };
}

/** A frame index kept within 0…count-1. */
export function clampFrame(index: number, count: number): number {
  if (count <= 0) return 0;
  return Math.min(count - 1, Math.max(0, Math.round(index)));
}

/**
 * CSS for showing frame `index` of a strip of `count` frames in a square of
 * `size` px: the strip is scaled so one frame fills the square, and shifted left.
 */
export function stripStyle(
  index: number,
  count: number,
  size: number,
): { backgroundSize: string; backgroundPosition: string } {
  const i = clampFrame(index, count);
  return { backgroundSize: `${count * size}px ${size}px`, backgroundPosition: `${-i * size}px 0px` };
}

/** "0.12 s", "1.5 s", "2 s". */
export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}

/** "Frame 3 of 16", for the slider's value text and the caption under it. */
export function frameLabel(index: number, count: number): string {
  return `Frame ${clampFrame(index, count) + 1} of ${count}`;
}

/** "shows 120 ms, from 0.25 s of 2 s": how long frame `index` stays up and where it falls in the loop. */
export function frameTiming(delaysMs: readonly number[], index: number): string {
  const { starts, totalMs } = frameTimeline(delaysMs);
  const i = clampFrame(index, delaysMs.length);
  if (delaysMs.length === 0) return '';
  return `shows ${delaysMs[i]} ms, from ${seconds(starts[i])} of ${seconds(totalMs)}`;
}
