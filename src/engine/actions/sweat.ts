/** Nervous: a jittery little tremble while a big sweat drop runs down the side of the head. */
import { sweatDrop } from '../effects/drops.ts';
import { lifeFade, smoothstep } from '../effects/random.ts';
import { cyclePhase, fastCycles, inside, wave } from './kit.ts';
import type { Motion } from './types.ts';

export const sweat: Motion = {
  id: 'sweat',
  cycles: 1,
  face: 'worried',
  pose: (b) => {
    const jitter = wave(b.t, fastCycles(b, 5));
    return {
      dx: 0.008 * b.amp * jitter,
      dy: 0,
      rotate: 0.012 * b.amp * jitter,
      sx: 1,
      sy: 1,
      skew: -0.02 * b.amp * wave(b.t, b.cycles),
    };
  },
  front: (ctx, s) => {
    const { stage } = s;
    const p = cyclePhase(s.t, s.cycles);
    // The big drop appears on the temple, swells and slides down, then a new one forms.
    const slide = smoothstep(0.15, 0.95, p);
    const [tx, ty] = s.follow(0.42, s.face.top * 0.82 - 0.18 * slide);
    const r = stage.height * (0.06 + 0.025 * smoothstep(0, 0.3, p));
    const [x, y] = inside(stage, tx, ty, r * 2);
    sweatDrop(ctx, x, y, r, lifeFade(p, 0.12, 0.15), s.accent, -0.25);
    // Two small drops pop off the other side.
    for (const k of [0, 1]) {
      const u = (p + k * 0.5) % 1;
      const [hx, hy] = s.follow(-0.48, s.face.top * 0.78);
      const [cx, cy] = inside(
        stage,
        hx - u * stage.width * 0.14,
        hy - u * stage.height * 0.12 + u * u * stage.height * 0.1,
        r,
      );
      sweatDrop(ctx, cx, cy, r * 0.45, lifeFade(u, 0.15, 0.4), s.accent, -0.9);
    }
  },
};
