/** Kiss: a wink and a puckered lean forward that blows a heart out to the side. */
import { heart } from '../effects/heart.ts';
import { burstLines } from '../effects/motion-lines.ts';
import { lifeFade, smoothstep } from '../effects/random.ts';
import { bump, cyclePhase, inside } from './kit.ts';
import type { Motion } from './types.ts';

export const kiss: Motion = {
  id: 'kiss',
  cycles: 1,
  face: 'kiss',
  pose: ({ t, cycles, amp }) => {
    const lean = bump(t, cycles);
    return {
      dx: 0,
      dy: 0,
      rotate: 0.05 * amp * lean,
      sx: 1,
      sy: 1 - 0.03 * amp * lean,
      skew: 0.05 * amp * lean,
    };
  },
  front: (ctx, s) => {
    const { stage } = s;
    const [mx, my] = s.follow(s.face.mouth[0] + 0.12, s.face.mouth[1] + 0.02);
    // The heart leaves the lips and floats to the upper right, growing as it goes.
    for (const offset of [0, 0.5]) {
      const u = cyclePhase(s.t + offset, s.cycles);
      const go = smoothstep(0, 1, u);
      const size = stage.height * (0.12 + 0.2 * go) * (offset ? 0.7 : 1);
      const tx = stage.size - stage.margin - size * 0.6;
      const ty = stage.margin + size * 0.6 + (offset ? stage.height * 0.25 : 0);
      const [x, y] = inside(stage, mx + (tx - mx) * go, my + (ty - my) * go, size / 2);
      heart(ctx, x, y, size, s.accent, lifeFade(u, 0.1, 0.2), 0.25 * Math.sin(2 * Math.PI * u));
    }
    const smack = bump(s.t, s.cycles);
    burstLines(
      ctx,
      mx,
      my,
      stage.height * 0.08,
      stage.height * (0.1 + 0.05 * smack),
      [-0.9, -0.3, 0.3],
      1.6 * stage.unit,
      smack,
    );
  },
};
