/** Shy: a bashful fidget, shrinking a little, with flushed cheeks and tiny hearts. */
import { blushMark } from '../effects/face-marks.ts';
import { heart } from '../effects/heart.ts';
import { frac, lifeFade } from '../effects/random.ts';
import { bump, inside, wave } from './kit.ts';
import type { Motion } from './types.ts';

export const shy: Motion = {
  id: 'shy',
  cycles: 1,
  face: 'shy',
  pose: ({ t, cycles, amp }) => {
    const fidget = wave(t, 2 * cycles);
    const shrink = bump(t, cycles);
    return {
      dx: 0,
      dy: 0,
      rotate: 0.05 * amp * fidget,
      sx: 1 + 0.02 * amp * shrink,
      sy: 1 - 0.05 * amp * shrink,
      skew: -0.04 * amp * fidget,
    };
  },
  front: (ctx, s) => {
    const { stage } = s;
    // A built-in character blushes on its own face; an upload gets blush drawn on.
    if (!s.expressive) {
      for (const [fx, fy] of s.face.cheeks) {
        const [x, y] = s.follow(fx, fy);
        blushMark(ctx, x, y, stage.width * 0.2);
      }
    }
    for (let i = 0; i < 2; i++) {
      const side = i === 0 ? 1 : -1;
      const u = frac(s.t + i * 0.5);
      const [hx, hy] = s.follow(side * 0.5, s.face.top * 0.75);
      const size = stage.height * 0.11 * (0.6 + 0.4 * Math.sin(Math.PI * u));
      const [x, y] = inside(
        stage,
        hx + side * u * stage.width * 0.12,
        hy - u * stage.height * 0.22,
        size / 2,
      );
      heart(ctx, x, y, size, s.accent, lifeFade(u, 0.2, 0.3), side * 0.3);
    }
  },
};
