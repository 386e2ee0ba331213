/** Good night: rocking gently in a nightcap under a crescent moon and twinkling stars. */

import { nightcap } from '../effects/props.ts';
import { rng, seedFor } from '../effects/random.ts';
import { moon, star } from '../effects/symbols.ts';
import { inside, wave } from './kit.ts';
import type { Motion } from './types.ts';

const STARS = 4;

export const goodnight: Motion = {
  id: 'goodnight',
  cycles: 1,
  face: 'dreamy',
  pose: ({ t, cycles, amp }) => {
    const breath = wave(t, cycles * 2);
    return {
      dx: 0,
      dy: 0,
      rotate: 0.06 * amp * wave(t, cycles),
      sx: 1 - 0.01 * amp * breath,
      sy: 1 + 0.02 * amp * breath,
      skew: 0,
    };
  },
  front: (ctx, s) => {
    const { stage } = s;
    const r = stage.height * 0.17;
    const [mx, my] = inside(stage, stage.margin + r * 1.1, stage.margin + r * 1.05, r * 1.05);
    moon(ctx, mx, my + wave(s.t, 1) * stage.unit * 1.5, r, s.accent, -0.2);
    const random = rng(seedFor(s.seed, 'goodnight'));
    for (let i = 0; i < STARS; i++) {
      const right = i % 2 === 1;
      const x = right ? stage.size * (0.78 + 0.12 * random()) : stage.size * (0.08 + 0.14 * random());
      const y = stage.size * (right ? 0.1 + 0.35 * random() : 0.38 + 0.3 * random());
      const twinkle = 0.5 + 0.5 * wave(s.t, 2, random());
      const size = stage.height * (0.07 + 0.04 * random()) * (0.65 + 0.35 * twinkle);
      const [cx, cy] = inside(stage, x, y, size / 2);
      star(ctx, cx, cy, size, '#fff3a6', 1, 0.3 * random());
    }
    // The cap is pulled down over the crown; it flops sideways, and stays below the frame top.
    const w = stage.width * 0.46;
    const eyes = Math.max(s.face.eyes[0][1], s.face.eyes[1][1]);
    const [hx, hy] = s.follow(0.04, Math.max(s.face.top - 0.1, eyes + 0.12));
    nightcap(ctx, hx, Math.max(hy, stage.margin + w * 0.85), w, '#7b8cff', s.pose.rotate + 0.12);
  },
};
