import { seededRandom } from '../../domain/random.ts';
/** Seeded randomness and loop-safe timing helpers for effects and motions. */

/** A small deterministic PRNG (mulberry32): same seed, same sequence, on every machine. */
export const rng = seededRandom;

/** Mixes a string into a seed so each action draws a different sequence from the same user seed. */
export function seedFor(seed: number, salt: string): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < salt.length; i++) h = Math.imul(h ^ salt.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** Fractional part, always in [0, 1). */
export function frac(x: number): number {
  return x - Math.floor(x);
}

/** Hermite smoothstep from `a` to `b`. */
export function smoothstep(a: number, b: number, x: number): number {
  const t = Math.max(0, Math.min(1, (x - a) / (b - a)));
  return t * t * (3 - 2 * t);
}

/** Opacity over a particle's life u ∈ [0, 1): fades in and out, so wrapping around never pops. */
export function lifeFade(u: number, fadeIn = 0.15, fadeOut = 0.3): number {
  return smoothstep(0, fadeIn, u) * (1 - smoothstep(1 - fadeOut, 1, u));
}
