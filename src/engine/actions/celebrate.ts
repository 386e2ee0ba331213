/** Celebrate: big happy jumps while fireworks burst one after another behind the character. */
import { PARTY_COLOURS } from '../effects/confetti.ts';
import { firework } from '../effects/fireworks.ts';
import { frac, rng, seedFor } from '../effects/random.ts';
import { sparkle } from '../effects/sparkle.ts';
import { hop, inside, wave } from './kit.ts';
import type { Motion } from './types.ts';

/** Burst centres as shares of the frame: top corners and the top middle. */
const SPOTS = [
  [0.22, 0.22],
  [0.78, 0.2],
  [0.5, 0.14],
] as const;

export const celebrate: Motion = {
  id: 'celebrate',
  cycles: 2,
  face: 'happy',
  pose: ({ t, cycles, amp }) => {
    const h = hop(t, cycles);
    return { dx: 0, dy: 0.05 * amp * h, rotate: 0, sx: 1 - 0.03 * amp * h, sy: 1 + 0.05 * amp * h, skew: 0 };
  },
  behind: (ctx, s) => {
    const { stage } = s;
    const random = rng(seedFor(s.seed, 'celebrate'));
    const shift = Math.floor(random() * PARTY_COLOURS.length);
    SPOTS.forEach(([fx, fy], i) => {
      // Each burst lives one loop; they take turns, so one is always opening.
      const u = frac(s.t + 0.15 + i / SPOTS.length);
      const r = stage.size * 0.17;
      const [x, y] = inside(stage, stage.size * fx, stage.size * fy, r);
      const colour = i === 0 ? s.accent : PARTY_COLOURS[(shift + i) % PARTY_COLOURS.length];
      firework(ctx, x, y, r, u, colour, 12, 2.6 * stage.unit);
    });
  },
  front: (ctx, s) => {
    const { stage } = s;
    for (const side of [-1, 1]) {
      const tw = 0.5 + 0.5 * wave(s.t, 2, side > 0 ? 0.5 : 0);
      const [x, y] = inside(
        stage,
        stage.feetX + side * stage.width * 0.62,
        stage.feetY - stage.height * 0.35,
        8 * stage.unit,
      );
      sparkle(ctx, x, y, stage.height * (0.04 + 0.04 * tw), side > 0 ? '#ffffff' : s.accent);
    }
  },
};
