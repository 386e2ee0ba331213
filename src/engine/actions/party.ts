/** Party: a jolly bounce in a party hat, under falling confetti and swaying streamers. */
import { confetti, PARTY_COLOURS, partyHat, streamer } from '../effects/confetti.ts';
import { frac, lifeFade, rng, seedFor } from '../effects/random.ts';
import { hop, wave } from './kit.ts';
import type { Motion } from './types.ts';

const PIECES = 22;

function palette(seed: number, accent: string | undefined): string[] {
  const shift = seed % PARTY_COLOURS.length;
  const colours = [...PARTY_COLOURS.slice(shift), ...PARTY_COLOURS.slice(0, shift)];
  return accent ? [accent, ...colours] : colours;
}

export const party: Motion = {
  id: 'party',
  cycles: 2,
  face: 'joy',
  pose: ({ t, cycles, amp }) => {
    const h = hop(t, cycles);
    return {
      dx: 0,
      dy: 0.025 * amp * h,
      rotate: 0.07 * amp * wave(t, Math.max(1, Math.round(cycles / 2))),
      sx: 1 - 0.025 * amp * h,
      sy: 1 + 0.04 * amp * h,
      skew: 0,
    };
  },
  front: (ctx, s) => {
    const { stage } = s;
    const seed = seedFor(s.seed, 'party');
    const random = rng(seed);
    const colours = palette(seed, s.customAccent ? s.accent : undefined);
    const [hatX, hatY] = s.follow(-0.1, 0.92);
    partyHat(ctx, hatX, hatY, stage.height * 0.2, colours[0], s.pose.rotate - 0.32);

    const top = stage.margin + 2 * stage.unit;
    for (const [i, x] of [
      stage.margin + 10 * stage.unit,
      stage.size - stage.margin - 10 * stage.unit,
    ].entries()) {
      streamer(
        ctx,
        x,
        top,
        stage.size * 0.42,
        colours[(i + 1) % colours.length],
        wave(s.t, 1) * 1.5 + i * 2,
        3 * stage.unit,
      );
    }
    const span = stage.size - 2 * stage.margin;
    for (let i = 0; i < PIECES; i++) {
      const x0 = stage.margin + span * (0.04 + 0.92 * ((i + random()) / PIECES));
      const offset = random();
      const spin = 1 + Math.floor(random() * 2);
      const u = frac(s.t + offset);
      const size = stage.unit * (5 + random() * 3);
      const y = top + size + (stage.size - 2 * top - 2 * size) * u;
      const x = x0 + Math.sin(2 * Math.PI * (u + offset)) * 4 * stage.unit;
      const turn = 2 * Math.PI * (spin * s.t + offset);
      confetti(
        ctx,
        x,
        y,
        size,
        colours[i % colours.length],
        turn,
        Math.cos(turn),
        i % 4 === 3,
        lifeFade(u, 0.08, 0.2),
      );
    }
  },
};
