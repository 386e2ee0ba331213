/** Sad: a slow slump under a little rain cloud that drizzles on the head. */
import { cloud, tear } from '../effects/drops.ts';
import { frac, lifeFade } from '../effects/random.ts';
import { bump, inside, wave } from './kit.ts';
import type { Motion } from './types.ts';

export const sad: Motion = {
  id: 'sad',
  cycles: 1,
  face: 'sad',
  pose: ({ t, cycles, amp }) => {
    const slump = bump(t, cycles);
    return {
      dx: 0,
      dy: 0,
      rotate: 0.025 * amp * wave(t, cycles),
      sx: 1 + 0.02 * amp * slump,
      sy: 1 - 0.06 * amp * slump,
      skew: 0,
    };
  },
  front: (ctx, s) => {
    const { stage } = s;
    const w = stage.width * 0.62;
    const [hx, hy] = s.follow(0, s.face.top);
    const [cx, cy] = inside(stage, hx, hy - stage.height * 0.1, w * 0.5);
    const r = stage.height * 0.03;
    for (let i = 0; i < 4; i++) {
      const u = frac(s.t * 3 + i / 4);
      const x = cx + (i - 1.5) * w * 0.2;
      tear(ctx, x, cy + w * 0.18 + u * stage.height * 0.12, r, s.accent, lifeFade(u, 0.15, 0.35));
    }
    cloud(ctx, cx, cy + 0.8 * wave(s.t, 1) * stage.unit, w, '#aab6c8');
  },
};
