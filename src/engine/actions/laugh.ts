/** Laugh: a fast giggling bounce with "HA" popping out and tears of joy flying off. */
import { tear } from '../effects/drops.ts';
import { haText } from '../effects/marks.ts';
import { cyclePhase, hop, inside, wave } from './kit.ts';
import type { Motion } from './types.ts';

export const laugh: Motion = {
  id: 'laugh',
  cycles: 2,
  face: 'joy',
  pose: ({ t, cycles, amp }) => {
    const h = hop(t, cycles);
    return {
      dx: 0,
      dy: 0.035 * amp * h,
      rotate: 0.05 * amp * wave(t, 1),
      sx: 1 - 0.04 * amp * h,
      sy: 1 + 0.07 * amp * h,
      skew: 0,
    };
  },
  front: (ctx, s) => {
    const { stage } = s;
    const size = stage.height * 0.17;
    for (const side of [-1, 1]) {
      // The two "HA"s take turns popping, one per bounce.
      const p = cyclePhase(s.t + (side > 0 ? 0.5 / s.cycles : 0), s.cycles);
      const pop = 0.75 + 0.35 * Math.sin(Math.PI * Math.min(1, p * 1.6));
      const [hx, hy] = s.follow(side * 0.52, 0.98);
      const [x, y] = inside(stage, hx, hy, size * 0.9);
      haText(ctx, x, y, size * pop, s.accent, 1, side * 0.22);
      // Tears of joy: arcs out of the eyes, one drop per side per bounce.
      const [efx, efy] = s.face.eyes[side < 0 ? 0 : 1];
      const [ex, ey] = s.follow(efx + side * 0.06, efy);
      const u = cyclePhase(s.t, s.cycles);
      const tx = ex + side * stage.width * 0.3 * u;
      const ty = ey - stage.height * (0.18 * u - 0.3 * u * u);
      const alpha = Math.sin(Math.PI * u);
      tear(ctx, tx, ty, stage.height * 0.035, '#5cb8ff', alpha, side * (0.6 + u));
    }
  },
};
