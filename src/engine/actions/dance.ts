/** Dance: swaying side to side with a bounce on every step while music notes float up. */
import { rotateHue } from '../color.ts';
import { frac, lifeFade } from '../effects/random.ts';
import { musicNote } from '../effects/symbols.ts';
import { hop, inside, wave } from './kit.ts';
import type { Motion } from './types.ts';

const NOTES = 4;

export const dance: Motion = {
  id: 'dance',
  cycles: 1,
  face: 'happy',
  pose: ({ t, cycles, amp }) => {
    const sway = wave(t, cycles);
    const step = hop(t, 2 * cycles);
    return {
      dx: 0.05 * amp * sway,
      dy: 0.035 * amp * step,
      rotate: 0.13 * amp * sway,
      sx: 1 + 0.02 * amp * step,
      sy: 1 - 0.03 * amp * step,
      skew: -0.04 * amp * sway,
    };
  },
  front: (ctx, s) => {
    const { stage } = s;
    const second = rotateHue(s.accent, 150);
    for (let i = 0; i < NOTES; i++) {
      const side = i % 2 === 0 ? -1 : 1;
      const u = frac(s.t + i / NOTES);
      const size = stage.height * 0.2 * (0.75 + 0.25 * Math.sin(Math.PI * u));
      const x = stage.feetX + side * stage.width * (0.5 + 0.1 * Math.sin(2 * Math.PI * u));
      const y = stage.feetY - stage.height * (0.3 + 0.75 * u);
      const [cx, cy] = inside(stage, x, y, size * 0.6);
      musicNote(
        ctx,
        cx,
        cy,
        size,
        i % 2 ? second : s.accent,
        i % 3 === 1,
        lifeFade(u, 0.15, 0.3),
        side * 0.2,
      );
    }
  },
};
