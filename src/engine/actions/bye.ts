/** Bye: stepping side to side while a hand on the other side waves big goodbyes. */
import { wavingHand } from '../effects/hand.ts';
import { motionArcs } from '../effects/motion-lines.ts';
import { fastCycles, hop, inside, wave } from './kit.ts';
import type { Motion } from './types.ts';

export const bye: Motion = {
  id: 'bye',
  cycles: 1,
  face: 'happy',
  pose: ({ t, cycles, amp }) => ({
    dx: 0.045 * amp * wave(t, cycles),
    dy: 0.018 * amp * hop(t, 2 * cycles),
    rotate: -0.07 * amp * wave(t, cycles),
    sx: 1,
    sy: 1,
    skew: 0,
  }),
  front: (ctx, s) => {
    const h = s.stage.height * 0.26;
    const [fx, fy] = s.follow(-0.52, 0.66);
    const [x, y] = inside(s.stage, fx - h * 0.2, fy, h * 0.82);
    // Big, fast swings: a goodbye wave is broader than a hello.
    const swing = -0.05 + 0.6 * wave(s.t, fastCycles(s, 3));
    for (const side of [-1, 1]) {
      const a = -Math.PI / 2 + side * 0.95;
      motionArcs(ctx, x, y + h * 0.2, h * 0.78, a - 0.3, a + 0.3, 2, 1.5 * s.stage.unit, 0.9);
    }
    wavingHand(ctx, x, y + h * 0.25, h, swing, s.accent);
  },
};
