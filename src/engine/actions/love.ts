/** Love: a happy bounce with hearts floating up around the character. */
import { heart } from '../effects/heart.ts';
import { frac, lifeFade, rng, seedFor, smoothstep } from '../effects/random.ts';
import { hop, inside, wave } from './kit.ts';
import type { Motion } from './types.ts';

const HEARTS = 6;

export const love: Motion = {
  id: 'love',
  cycles: 2,
  face: 'love',
  pose: ({ t, cycles, amp }) => {
    const stretch = 0.035 * amp * wave(t, cycles);
    return {
      dx: 0,
      dy: 0.03 * amp * hop(t, cycles),
      rotate: 0.04 * amp * wave(t, Math.max(1, Math.round(cycles / 2))),
      sx: 1 - stretch * 0.6,
      sy: 1 + stretch,
      skew: 0,
    };
  },
  front: (ctx, s) => {
    const random = rng(seedFor(s.seed, 'love'));
    const { stage } = s;
    const colour = s.accent;
    for (let i = 0; i < HEARTS; i++) {
      const side = i % 2 === 0 ? -1 : 1;
      const x0 = stage.feetX + side * stage.width * (0.46 + random() * 0.22);
      const size = stage.height * (0.12 + random() * 0.07);
      const offset = (i + random() * 0.7) / HEARTS;
      const wobble = random() * Math.PI * 2;
      const u = frac(s.t + offset);
      const y0 = stage.feetY - stage.height * (0.35 + random() * 0.25);
      const y1 = stage.margin + size / 2;
      const x = x0 + Math.sin(u * Math.PI * 2 + wobble) * stage.width * 0.06;
      const [cx, cy] = inside(stage, x, y0 + (y1 - y0) * u, size / 2);
      const grow = 0.55 + 0.45 * smoothstep(0, 0.3, u);
      heart(ctx, cx, cy, size * grow, colour, lifeFade(u, 0.12, 0.3), Math.sin(u * 6 + wobble) * 0.25);
    }
  },
};
