/** Periodic building blocks for motions: every one is 0 at t = 0 and loops seamlessly. */
import type { Beat } from './types.ts';

const TAU = Math.PI * 2;

/** sin over `k` whole cycles per loop. */
export function wave(t: number, k: number, phase = 0): number {
  return Math.sin(TAU * (k * t + phase));
}

/** 0 → 1 → 0 once per cycle, smooth (raised cosine). */
export function bump(t: number, k: number): number {
  return (1 - Math.cos(TAU * k * t)) / 2;
}

/** A bouncing ball's height: |sin|, 0 at each landing. */
export function hop(t: number, k: number): number {
  return Math.abs(Math.sin(Math.PI * k * t));
}

/** Phase within the current cycle, in [0, 1). */
export function cyclePhase(t: number, k: number): number {
  const x = t * k;
  return x - Math.floor(x);
}

/** A faster rhythm (shakes, wiggles) that still fits the loop a whole number of times. */
export function fastCycles(beat: Beat, multiple: number): number {
  return Math.max(1, Math.min(Math.round(beat.cycles * multiple), Math.floor(beat.frames / 2.5)));
}

/** Clamps a value into [lo, hi]. */
export function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
}

/** Keeps a box of half-size `r`×`ry` (a disc by default) at (x, y) inside the effect-safe area of the frame. */
export function inside(
  stage: { size: number; margin: number },
  x: number,
  y: number,
  r: number,
  ry = r,
): [number, number] {
  const lo = stage.margin;
  const hi = stage.size - stage.margin;
  return [clamp(x, lo + r, hi - r), clamp(y, lo + ry, hi - ry)];
}
