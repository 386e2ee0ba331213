/** Excited: starry eyes, quick bouncing hops and sparkles bursting all around. */
import { burstLines } from '../effects/motion-lines.ts';
import { sparkle } from '../effects/sparkle.ts';
import { cyclePhase, fastCycles, hop, inside, wave } from './kit.ts';
import type { Motion } from './types.ts';

const SPARKLES = [
  [-0.62, 0.95],
  [0.64, 0.88],
  [-0.7, 0.45],
  [0.7, 0.4],
] as const;

export const excited: Motion = {
  id: 'excited',
  cycles: 2,
  face: 'star',
  pose: (b) => {
    const h = hop(b.t, b.cycles);
    return {
      dx: 0,
      dy: 0.05 * b.amp * h,
      rotate: 0.05 * b.amp * wave(b.t, fastCycles(b, 1.5)),
      sx: 1 - 0.04 * b.amp * h,
      sy: 1 + 0.07 * b.amp * h,
      skew: 0,
    };
  },
  front: (ctx, s) => {
    const { stage } = s;
    SPARKLES.forEach(([fx, fy], i) => {
      const p = cyclePhase(s.t + i * 0.25, s.cycles);
      const r = stage.height * 0.075 * (0.4 + 0.6 * Math.sin(Math.PI * p));
      const [x, y] = inside(stage, stage.feetX + fx * stage.width, stage.feetY - fy * stage.height, r);
      sparkle(ctx, x, y, r, i % 2 ? '#ffffff' : s.accent, 1, p * 0.8);
    });
    const [hx, hy] = s.follow(0, s.face.top);
    const burst = hop(s.t, s.cycles);
    const len = stage.height * 0.08;
    burstLines(
      ctx,
      hx,
      hy + len * 0.5,
      len * 1.1,
      len * (1.6 + 0.4 * burst),
      [-2.3, -1.9, -1.25, -0.8],
      2 * stage.unit,
      0.5 + 0.5 * burst,
    );
  },
};
