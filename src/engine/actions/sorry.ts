/** Sorry: two deep apologetic bows, sweat flying off the head on each one. */
import { sweatDrop } from '../effects/drops.ts';
import { lifeFade, smoothstep } from '../effects/random.ts';
import { cyclePhase, inside } from './kit.ts';
import type { Motion } from './types.ts';

/** 0 upright → 1 fully bowed: down quickly, a short hold, up slowly. */
function bow(p: number): number {
  return smoothstep(0.04, 0.3, p) * (1 - smoothstep(0.55, 0.95, p));
}

export const sorry: Motion = {
  id: 'sorry',
  cycles: 2,
  face: 'sorry',
  pose: ({ t, cycles, amp }) => {
    const b = bow(cyclePhase(t, cycles));
    return { dx: 0, dy: 0, rotate: 0, sx: 1 + 0.05 * amp * b, sy: 1 - 0.2 * amp * b, skew: 0.06 * amp * b };
  },
  front: (ctx, s) => {
    const { stage } = s;
    const p = cyclePhase(s.t, s.cycles);
    for (const side of [-1, 1]) {
      // Each bow flings a drop up and out from the side of the head.
      const u = (p + (side > 0 ? 0.08 : 0)) % 1;
      const [hx, hy] = s.follow(side * 0.42, s.face.top * 0.85);
      const x = hx + side * stage.width * 0.22 * u;
      const y = hy - stage.height * (0.22 * u - 0.25 * u * u);
      const r = stage.height * 0.05;
      const [cx, cy] = inside(stage, x, y, r * 2);
      sweatDrop(ctx, cx, cy, r, lifeFade(u, 0.12, 0.3), s.accent, side * 0.6);
    }
  },
};
