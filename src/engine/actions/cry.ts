/** Cry: a drooping, sobbing body with tears gushing in arcs from both eyes. */
import { tear } from '../effects/drops.ts';
import { frac, lifeFade } from '../effects/random.ts';
import { bump, fastCycles, hop, inside, wave } from './kit.ts';
import type { Motion } from './types.ts';

const DROPS_PER_EYE = 5;

export const cry: Motion = {
  id: 'cry',
  cycles: 1,
  face: 'cry',
  pose: (b) => {
    const droop = bump(b.t, b.cycles);
    return {
      dx: 0,
      dy: -0.01 * b.amp * hop(b.t, fastCycles(b, 4)),
      rotate: 0.03 * b.amp * wave(b.t, b.cycles),
      sx: 1 + 0.025 * b.amp * droop,
      sy: 1 - 0.05 * b.amp * droop,
      skew: 0,
    };
  },
  front: (ctx, s) => {
    const { stage } = s;
    const r = stage.height * 0.042;
    s.face.eyes.forEach(([fx, fy], i) => {
      const side = i === 0 ? -1 : 1;
      const [ex, ey] = s.follow(fx, fy - 0.02);
      // Fountains: drops leave the eye upwards and outwards, then fall past the cheeks.
      for (let k = 0; k < DROPS_PER_EYE; k++) {
        const u = frac(s.t * 2 + k / DROPS_PER_EYE + (side > 0 ? 0.1 : 0));
        const x = ex + side * stage.width * (0.1 + 0.42 * u);
        const y = ey - stage.height * (0.16 * u - 0.5 * u * u);
        const [cx, cy] = inside(stage, x, y, r * 2);
        tear(ctx, cx, cy, r * (0.8 + 0.35 * u), s.accent, lifeFade(u, 0.08, 0.25), side * (0.6 + 1.8 * u));
      }
    });
  },
};
