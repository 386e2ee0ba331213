/** Yes: brisk nods (quick dips toward the feet) with a check mark popping on each nod. */
import { checkMark } from '../effects/marks.ts';
import { bump, inside } from './kit.ts';
import type { Motion } from './types.ts';

export const yes: Motion = {
  id: 'yes',
  cycles: 2,
  face: 'happy',
  pose: ({ t, cycles, amp }) => {
    const n = bump(t, cycles);
    return { dx: 0, dy: 0, rotate: 0, sx: 1 + 0.03 * amp * n, sy: 1 - 0.1 * amp * n, skew: 0.02 * amp * n };
  },
  front: (ctx, s) => {
    const n = bump(s.t, s.cycles);
    const size = s.stage.height * 0.24 * (0.85 + 0.3 * n);
    const [mx, my] = s.follow(0.56, 0.98);
    const [x, y] = inside(s.stage, mx, my, size * 0.62);
    checkMark(ctx, x, y, size, s.accent);
  },
};
