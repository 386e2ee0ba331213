/** Angry: a trembling shake, red rising up the body, a throbbing anger mark and steam. */
import { angerMark, puff } from '../effects/marks.ts';
import { frac, lifeFade } from '../effects/random.ts';
import { bump, fastCycles, inside, wave } from './kit.ts';
import type { Motion } from './types.ts';

export const angry: Motion = {
  id: 'angry',
  cycles: 1,
  face: 'angry',
  pose: (b) => {
    const k = fastCycles(b, 3);
    const flush = bump(b.t, b.cycles);
    return {
      dx: 0.022 * b.amp * wave(b.t, k),
      dy: 0,
      rotate: 0.015 * b.amp * wave(b.t, k),
      sx: 1 + 0.02 * b.amp * flush,
      sy: 1 - 0.02 * b.amp * flush,
      skew: 0,
      // The red rises from the feet and drains again, as anger boils up.
      tint: { colour: '#ff2a2a', amount: 0.78, level: Math.min(1.05, (0.45 + 0.5 * b.amp) * flush) },
    };
  },
  front: (ctx, s) => {
    const { stage } = s;
    const throb = bump(s.t, fastCycles(s, 2));
    const r = stage.height * 0.11 * (0.9 + 0.2 * throb);
    const [ax, ay] = s.follow(0.4, 0.93);
    const [x, y] = inside(stage, ax, ay, r * 1.1);
    angerMark(ctx, x, y, r, s.accent);
    for (const side of [-1, 1]) {
      const u = frac(s.t * s.cycles + (side > 0 ? 0.5 : 0));
      // Steam blows out sideways from the cheeks, below the anger mark.
      const [px, py] = s.follow(side * 0.56, 0.6);
      const size = stage.height * 0.15 * (0.6 + 0.6 * u);
      const x0 = px + side * u * stage.width * 0.18;
      const [cx, cy] = inside(stage, x0, py - u * stage.height * 0.08, size / 2);
      puff(ctx, cx, cy, size, lifeFade(u, 0.1, 0.45));
    }
  },
};
