/**
 * Frame timing per platform: which master frames to keep, how long each shows in the
 * units the format stores, and how many times the animation plays.
 */
import type { FrameSequence } from '../domain/image.ts';
import type { PlatformRules } from '../domain/platforms.ts';

/** Loop time of a sequence in ms, retimed to the platform's maximum when longer. */
export function platformDuration(durationMs: number, rules: PlatformRules): number {
  // Telegram takes at most 3 s: a 4 s loop is played 4/3 times faster rather than cut,
  // because cutting would break the seamless loop the engine renders.
  return rules.maxDurationMs !== undefined ? Math.min(durationMs, rules.maxDurationMs) : durationMs;
}

/**
 * Keeps `count` of the frames, evenly spread and always including frame 0 (the first
 * frame is the still image platforms show, so it is never dropped). The loop time is unchanged.
 */
export function keepFrames(seq: FrameSequence, count: number): FrameSequence {
  const n = seq.frames.length;
  if (count >= n) return seq;
  const frames = Array.from({ length: count }, (_, i) => seq.frames[Math.floor((i * n) / count)]);
  return { ...seq, frames };
}

/** Drops frames, evenly, until the frame rate and the shortest frame fit the platform. */
export function fitFrameRate(seq: FrameSequence, rules: PlatformRules): FrameSequence {
  let count = seq.frames.length;
  const perSecond = (c: number) => (c * 1000) / seq.durationMs;
  while (count > 1 && rules.maxFps !== undefined && perSecond(count) > rules.maxFps) count--;
  while (count > 1 && rules.minFrameMs !== undefined && seq.durationMs / count < rules.minFrameMs) count--;
  return keepFrames(seq, count);
}

/**
 * Whole-unit delays (unit = `unitMs`: 10 for GIF, 1 for WebP) for `frames` frames whose sum
 * is the loop time rounded to the unit, so the loop keeps its length: 2000 ms in 16 GIF
 * frames is 12, 13, 12, 13, … centiseconds rather than 16 × 12 = 1.92 s.
 */
export function unitDelays(durationMs: number, frames: number, unitMs: number): number[] {
  const total = Math.round(durationMs / unitMs);
  return Array.from(
    { length: frames },
    (_, i) => Math.floor(((i + 1) * total) / frames) - Math.floor((i * total) / frames),
  );
}

/**
 * How many times the animation plays: 0 (forever) where the platform loops forever or has
 * no rule; else as many plays as fit the platform's total time, within its bounds.
 */
export function platformPlays(durationMs: number, rules: PlatformRules): number {
  const loop = rules.loop;
  if (!loop || loop.kind === 'forever') return 0;
  const fit = Math.floor(loop.maxTotalMs / durationMs);
  return Math.max(loop.min, Math.min(loop.max, fit));
}
