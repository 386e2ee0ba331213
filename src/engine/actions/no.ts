/** No: a head shake (the top sways side to side about the feet) with a cross and swish lines. */
import { crossMark } from '../effects/marks.ts';
import { motionArcs } from '../effects/motion-lines.ts';
import { inside, wave } from './kit.ts';
import type { Motion } from './types.ts';

export const no: Motion = {
  id: 'no',
  cycles: 2,
  face: 'no',
  pose: ({ t, cycles, amp }) => {
    const w = wave(t, cycles);
    return { dx: 0.01 * amp * w, dy: 0, rotate: 0.02 * amp * w, sx: 1, sy: 1, skew: 0.11 * amp * w };
  },
  front: (ctx, s) => {
    const { stage } = s;
    const w = wave(s.t, s.cycles);
    const size = stage.height * 0.22;
    const [mx, my] = s.follow(0.56, 0.98);
    const [x, y] = inside(stage, mx, my, size * 0.55);
    crossMark(ctx, x, y, size * (0.9 + 0.15 * Math.abs(w)), s.accent);
    // Swish lines trail on the side the head is moving away from.
    const [hx, hy] = s.follow(0, 0.7);
    const r = stage.width * 0.56;
    const side = Math.cos(2 * Math.PI * s.cycles * s.t) > 0 ? -1 : 1;
    const a = side < 0 ? Math.PI : 0;
    motionArcs(ctx, hx, hy, r, a - 0.35, a + 0.35, 2, 1.6 * stage.unit, Math.abs(w));
  },
};
