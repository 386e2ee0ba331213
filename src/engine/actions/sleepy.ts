/** Sleepy: slow breathing, a drowsy lean and a nose bubble swelling with each breath while "z Z Z" drift up. */
import { noseBubble } from '../effects/drops.ts';
import { zLetter } from '../effects/marks.ts';
import { smoothstep } from '../effects/random.ts';
import { bump, cyclePhase, inside, wave } from './kit.ts';
import type { Motion } from './types.ts';

const LETTERS = 3;

export const sleepy: Motion = {
  id: 'sleepy',
  cycles: 1,
  face: 'sleepy',
  pose: ({ t, cycles, amp }) => {
    const breath = wave(t, cycles * 2);
    return {
      dx: 0,
      dy: 0,
      rotate: 0.06 * amp * bump(t, cycles),
      sx: 1 - 0.012 * amp * breath,
      sy: 1 + 0.03 * amp * breath,
      skew: 0,
    };
  },
  front: (ctx, s) => {
    const { stage } = s;
    // "z Z Z" up the diagonal towards the top-right corner, the only free space: the
    // letters appear one after another each cycle and fade out together before it ends.
    const [hx, hy] = s.follow(0.3, 0.84);
    const ex = stage.size - stage.margin - stage.height * 0.09;
    const ey = stage.margin + stage.height * 0.09;
    // Shifted so the first frame already shows a letter.
    const p = cyclePhase(s.t + 0.3 / s.cycles, s.cycles);
    const fadeOut = 1 - smoothstep(0.82, 0.98, p);
    for (let i = 0; i < LETTERS; i++) {
      const appear = smoothstep(0.08 + i * 0.2, 0.2 + i * 0.2, p);
      const size = stage.height * (0.065 + 0.022 * i) * (0.6 + 0.4 * appear);
      const f = 0.2 + 0.37 * i;
      const bob = Math.sin(2 * Math.PI * (p + i * 0.15)) * stage.unit * 1.5;
      const [x, y] = inside(stage, hx + (ex - hx) * f, hy + (ey - hy) * f + bob, size * 0.75);
      zLetter(ctx, x, y, size, s.accent, appear * fadeOut, -0.15);
    }
    // The bubble swells on the in-breath and shrinks back, never popping: the loop stays calm.
    // It grows from one nostril, just above and beside the mouth, out to the side.
    const [nx, ny] = s.follow(s.face.mouth[0] + 0.06, s.face.mouth[1] + 0.05);
    const r = stage.height * (0.03 + 0.065 * (0.5 - 0.5 * Math.cos(2 * Math.PI * s.cycles * s.t)));
    noseBubble(ctx, nx + r, ny + r * 0.35, r);
  },
};
