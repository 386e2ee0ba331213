/** Thanks: a polite bow (a squash toward the feet, held, then back up) among twinkling sparkles. */

import { rng, seedFor, smoothstep } from '../effects/random.ts';
import { sparkle } from '../effects/sparkle.ts';
import { cyclePhase, inside } from './kit.ts';
import type { Motion } from './types.ts';

const SPARKLES = 5;

function bow(p: number): number {
  return smoothstep(0.06, 0.36, p) * (1 - smoothstep(0.62, 0.92, p));
}

export const thanks: Motion = {
  id: 'thanks',
  cycles: 1,
  face: 'happy',
  pose: ({ t, cycles, amp }) => {
    const b = bow(cyclePhase(t, cycles));
    return {
      dx: 0,
      dy: 0,
      rotate: 0,
      sx: 1 + 0.04 * amp * b,
      sy: 1 - 0.15 * amp * b,
      skew: 0.04 * amp * b,
    };
  },
  front: (ctx, s) => {
    const random = rng(seedFor(s.seed, 'thanks'));
    const { stage } = s;
    for (let i = 0; i < SPARKLES; i++) {
      const side = i % 2 === 0 ? -1 : 1;
      const x = stage.feetX + side * stage.width * (0.56 + random() * 0.18);
      const y = stage.feetY - stage.height * (0.35 + random() * 0.6);
      const phase = random();
      const twinkle = 0.5 + 0.5 * Math.sin(2 * Math.PI * (s.t * 2 + phase));
      const r = stage.height * (0.055 + random() * 0.04);
      const [cx, cy] = inside(stage, x, y, r);
      sparkle(ctx, cx, cy, r * (0.45 + 0.55 * twinkle), i % 3 === 2 ? '#ffffff' : s.accent);
    }
  },
};
