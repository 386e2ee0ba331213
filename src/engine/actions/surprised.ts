/** Surprised: a startled hop with a stretch, a "!" popping above the head and shock lines. */
import { exclamation } from '../effects/marks.ts';
import { burstLines } from '../effects/motion-lines.ts';
import { cyclePhase, inside } from './kit.ts';
import type { Motion } from './types.ts';

/** Hop height (0..1) and the landing squash (0..1) at phase p of one cycle. */
function startle(p: number): { up: number; land: number } {
  const up = p < 0.3 ? Math.sin((Math.PI * p) / 0.3) : 0;
  const land = p >= 0.3 && p < 0.45 ? Math.sin((Math.PI * (p - 0.3)) / 0.15) : 0;
  return { up, land };
}

export const surprised: Motion = {
  id: 'surprised',
  cycles: 1,
  face: 'surprised',
  pose: ({ t, cycles, amp }) => {
    const { up, land } = startle(cyclePhase(t, cycles));
    return {
      dx: 0,
      dy: 0.08 * amp * up,
      rotate: 0,
      sx: 1 - 0.04 * amp * up + 0.05 * amp * land,
      sy: 1 + 0.08 * amp * up - 0.07 * amp * land,
      skew: 0,
    };
  },
  front: (ctx, s) => {
    const { stage } = s;
    const { up } = startle(cyclePhase(s.t, s.cycles));
    const h = stage.height * 0.3 * (0.9 + 0.2 * up);
    const [bx, by] = s.follow(0.42, 1.0);
    const [x, y] = inside(stage, bx, by, h * 0.55);
    exclamation(ctx, x, y, h, s.accent, 1, 0.18);
    // Shock lines radiate from the upper-left of the head, opposite the "!".
    const len = stage.height * 0.09 * (0.7 + 0.3 * up);
    const [hx, hy] = s.follow(-0.5, 0.95);
    const [cx, cy] = inside(stage, hx, hy, len * 1.4);
    burstLines(
      ctx,
      cx + len * 0.8,
      cy + len * 0.8,
      len * 0.6,
      len * 1.6,
      [Math.PI + 0.3, Math.PI + 0.8, Math.PI + 1.3],
      1.8 * stage.unit,
    );
  },
};
