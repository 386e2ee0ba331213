/** Cry: a drooping, sobbing body, tear fountains from both eyes and a little rain cloud. */
import { cloud, tear } from '../effects/drops.ts';
import { frac, lifeFade } from '../effects/random.ts';
import { bump, fastCycles, hop, inside, wave } from './kit.ts';
import type { Motion } from './types.ts';

const DROPS_PER_EYE = 4;

export const cry: Motion = {
  id: 'cry',
  cycles: 1,
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
    const colour = s.accent ?? '#5cb8ff';
    const r = stage.height * 0.04;
    for (const side of [-1, 1]) {
      const [ex, ey] = s.follow(side * 0.2, 0.57);
      for (let i = 0; i < DROPS_PER_EYE; i++) {
        const u = frac(s.t * 2 + i / DROPS_PER_EYE);
        const x = ex + side * stage.width * (0.08 + 0.34 * u);
        const y = ey - stage.height * (0.1 * u - 0.42 * u * u);
        const [cx, cy] = inside(stage, x, y, r * 2);
        tear(ctx, cx, cy, r * (0.8 + 0.3 * u), colour, lifeFade(u, 0.1, 0.25), side * (0.8 + 1.6 * u));
      }
    }
    // The rain cloud hangs over the head and drizzles onto it.
    const w = stage.width * 0.45;
    const [hx, hy] = s.follow(0, 1);
    const [cx, cy] = inside(stage, hx, hy - stage.height * 0.13, w * 0.5);
    for (let i = 0; i < 3; i++) {
      const u = frac(s.t * 2 + i / 3);
      tear(
        ctx,
        cx + (i - 1) * w * 0.25,
        cy + w * 0.16 + u * stage.height * 0.09,
        r * 0.6,
        colour,
        lifeFade(u),
      );
    }
    cloud(ctx, cx, cy + 0.8 * wave(s.t, 1) * stage.unit, w, '#b9c6d8');
  },
};
