/** OK: a confident wink and a bounce, with an "OK" speech bubble popping beside the head. */
import { okText, speechBubble } from '../effects/bubble.ts';
import { sparkle } from '../effects/sparkle.ts';
import { bump, hop, inside } from './kit.ts';
import type { Motion } from './types.ts';

export const ok: Motion = {
  id: 'ok',
  cycles: 1,
  face: 'wink',
  pose: ({ t, cycles, amp }) => {
    const h = hop(t, 2 * cycles);
    return {
      dx: 0,
      dy: 0.02 * amp * h,
      rotate: -0.06 * amp * bump(t, cycles),
      sx: 1 - 0.02 * amp * h,
      sy: 1 + 0.03 * amp * h,
      skew: 0,
    };
  },
  front: (ctx, s) => {
    const { stage } = s;
    const pop = 0.9 + 0.1 * hop(s.t, 2 * s.cycles);
    const h = stage.height * 0.3 * pop;
    const w = h * 1.55;
    const [hx, hy] = s.follow(0.45, s.face.top * 0.95);
    const [x, y] = inside(stage, hx + w * 0.25, hy - h * 0.35, w / 2);
    speechBubble(ctx, x, y, w, h, hx - w * 0.1, hy + h * 0.3, () => okText(ctx, 0, 0.02, 0.62, s.accent));
    const tw = bump(s.t, 2 * s.cycles);
    const [sx, sy] = inside(stage, x - w * 0.58, y - h * 0.45, stage.height * 0.05);
    sparkle(ctx, sx, sy, stage.height * (0.035 + 0.03 * tw), '#ffd54a');
  },
};
