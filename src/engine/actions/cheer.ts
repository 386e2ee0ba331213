/** Cheer: fired up, pumping up and down with determination inside an aura of flames. */
import { fire } from '../effects/fire.ts';
import { frac, lifeFade } from '../effects/random.ts';
import { hop, inside } from './kit.ts';
import type { Motion } from './types.ts';

export const cheer: Motion = {
  id: 'cheer',
  cycles: 2,
  face: 'determined',
  pose: ({ t, cycles, amp }) => {
    const pump = hop(t, cycles);
    return {
      dx: 0,
      dy: 0.04 * amp * pump,
      rotate: 0,
      sx: 1 - 0.03 * amp * pump,
      sy: 1 + 0.06 * amp * pump,
      skew: 0,
    };
  },
  behind: (ctx, s) => {
    const { stage } = s;
    // An aura of fire: a tall flame behind the head and one beside each shoulder,
    // each flickering out of step with the others, tips always inside the frame.
    const base = stage.feetY - stage.height * 0.04;
    const room = base - stage.margin - 2;
    for (const [fx, w, h, k] of [
      [-0.44, 0.46, 0.78, 0],
      [0.44, 0.46, 0.78, 0.33],
      [0, 0.6, 1.25, 0.66],
    ] as const) {
      const width = stage.width * w;
      // The flame path spans ±0.62 of its width around its centre.
      const [x] = inside(stage, stage.feetX + fx * stage.width, base, width * 0.64, 0);
      fire(ctx, x, base, width, Math.min(stage.height * h, room), s.t * 2 + k, s.accent);
    }
  },
  front: (ctx, s) => {
    const { stage } = s;
    for (let i = 0; i < 4; i++) {
      const u = frac(s.t * 2 + i / 4);
      const side = i % 2 ? 1 : -1;
      const x = stage.feetX + side * stage.width * (0.45 + 0.1 * Math.sin(2 * Math.PI * (u + i * 0.3)));
      const y = stage.feetY - stage.height * (0.2 + 0.8 * u);
      const [cx, cy] = inside(stage, x, y, 3 * stage.unit);
      ctx.globalAlpha = lifeFade(u, 0.1, 0.4);
      ctx.beginPath();
      ctx.arc(cx, cy, 2.4 * stage.unit, 0, Math.PI * 2);
      ctx.fillStyle = '#ffd23f';
      ctx.fill();
      ctx.globalAlpha = 1;
    }
  },
};
