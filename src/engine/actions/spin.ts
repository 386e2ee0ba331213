/** Spin: a pirouette (the character turns round on the spot) with a little hop and swirling lines. */
import type { SKRSContext2D } from '@napi-rs/canvas';
import { INK } from '../effects/ink.ts';
import { cyclePhase, hop } from './kit.ts';
import type { Motion, Scene } from './types.ts';

/** Length of each swirl line, in radians around its ellipse. */
const ARC = 2.2;
const STEPS = 16;

export const spin: Motion = {
  id: 'spin',
  cycles: 1,
  face: 'happy',
  pose: ({ t, cycles, amp }) => {
    // A snappy turn: slow facing front and back, quick through the edge-on moments.
    const p = cyclePhase(t, cycles);
    const turn = Math.cos(2 * Math.PI * (p - (0.8 * Math.sin(2 * Math.PI * p)) / (2 * Math.PI)));
    // Never quite edge-on: a sliver one pixel wide would just blink out.
    const sx = Math.sign(turn || 1) * Math.max(0.14, Math.abs(turn));
    return { dx: 0, dy: 0.05 * amp * hop(t, cycles), rotate: 0, sx, sy: 1, skew: 0 };
  },
  behind: (ctx, s) => swirl(ctx, s, false),
  front: (ctx, s) => swirl(ctx, s, true),
};

/**
 * Two swirl lines circling the body with the turn. Points on the lower half of an
 * ellipse are in front of the character; the upper half goes behind it.
 */
function swirl(ctx: SKRSContext2D, s: Scene, front: boolean): void {
  const { stage } = s;
  ctx.save();
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  for (const [k, fy] of [
    [0, 0.2],
    [1, 0.58],
  ] as const) {
    const cx = stage.feetX;
    const cy = stage.feetY - stage.height * (fy + s.pose.dy);
    const rx = stage.width * (0.6 - 0.06 * k);
    const ry = stage.height * 0.075;
    const start = 2 * Math.PI * (s.cycles * s.t + k * 0.5);
    const pts: [number, number][] = [];
    const flush = () => {
      if (pts.length > 1) {
        for (const [stroke, w] of [
          [INK, 4.8 * stage.unit],
          [s.accent, 2.8 * stage.unit],
        ] as const) {
          ctx.strokeStyle = stroke;
          ctx.lineWidth = w;
          ctx.beginPath();
          ctx.moveTo(...pts[0]);
          for (const p of pts.slice(1)) ctx.lineTo(...p);
          ctx.stroke();
        }
      }
      pts.length = 0;
    };
    for (let i = 0; i <= STEPS; i++) {
      const a = start + (ARC * i) / STEPS;
      if (Math.sin(a) > 0 === front) pts.push([cx + Math.cos(a) * rx, cy + Math.sin(a) * ry]);
      else flush();
    }
    flush();
  }
  ctx.restore();
}
