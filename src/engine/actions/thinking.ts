/** Thinking: a slow puzzled head tilt, a thought bubble filling with dots and a bobbing "?". */
import { ellipsis, thoughtBubble } from '../effects/bubble.ts';
import { question } from '../effects/symbols.ts';
import { cyclePhase, inside, wave } from './kit.ts';
import type { Motion } from './types.ts';

export const thinking: Motion = {
  id: 'thinking',
  cycles: 1,
  face: 'thinking',
  pose: ({ t, cycles, amp }) => {
    const tilt = wave(t, cycles);
    return { dx: 0, dy: 0, rotate: 0.07 * amp * tilt, sx: 1, sy: 1, skew: 0.03 * amp * tilt };
  },
  front: (ctx, s) => {
    const { stage } = s;
    const w = stage.height * 0.38;
    const [hx, hy] = s.follow(0.4, s.face.top * 0.9);
    const [x, y] = inside(stage, hx + w * 0.3, hy - w * 0.3, w * 0.56, w * 0.4);
    // One more dot every third of the loop, all three shown before it starts over.
    const dots = 1 + Math.floor(cyclePhase(s.t, s.cycles) * 3);
    thoughtBubble(ctx, x, y, w, hx - w * 0.1, hy + w * 0.1, () => ellipsis(ctx, 0, 0.02, 0.7, dots));
    const h = stage.height * 0.24;
    const [qx, qy] = s.follow(-0.5, s.face.top * 0.92);
    const [cx, cy] = inside(stage, qx, qy - h * 0.2 + wave(s.t, 2) * stage.unit * 3, h * 0.55);
    question(ctx, cx, cy, h, s.accent, 1, -0.2 + 0.12 * wave(s.t, 1));
  },
};
