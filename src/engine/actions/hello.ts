/** Hello: a friendly sway about the feet while a little hand waves beside the head. */

import { wavingHand } from '../effects/hand.ts';
import { motionArcs } from '../effects/motion-lines.ts';
import { fastCycles, inside, wave } from './kit.ts';
import type { Motion } from './types.ts';

export const hello: Motion = {
  id: 'hello',
  cycles: 1,
  face: 'smile',
  pose: ({ t, cycles, amp }) => ({
    dx: 0,
    dy: 0.012 * amp * (1 - Math.cos(4 * Math.PI * cycles * t)) * 0.5,
    rotate: 0.08 * amp * wave(t, cycles),
    sx: 1,
    sy: 1,
    skew: 0,
  }),
  front: (ctx, s) => {
    const h = s.stage.height * 0.24;
    const [fx, fy] = s.follow(0.5, 0.7);
    const [x, y] = inside(s.stage, fx + h * 0.2, fy, h * 0.75);
    const k = fastCycles(s, 2);
    const swing = 0.15 + 0.38 * wave(s.t, k);
    motionArcs(
      ctx,
      x,
      y - h * 0.1,
      h * 1.02,
      -Math.PI / 2 - 0.5,
      -Math.PI / 2 + 0.7,
      2,
      1.4 * s.stage.unit,
      0.85,
    );
    wavingHand(ctx, x, y + h * 0.25, h, swing, s.accent);
  },
};
