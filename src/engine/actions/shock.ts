/** Shock: a recoil that freezes into a shiver, the face going cold blue under gloom lines, with jolts. */
import { Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import { gloom } from '../effects/face-marks.ts';
import { outlinedStroke } from '../effects/ink.ts';
import { bump, cyclePhase, fastCycles, inside, wave } from './kit.ts';
import type { Motion } from './types.ts';

/** A jagged "jolt" line `len` px long at (x, y), at angle `a`. */
function jolt(
  ctx: SKRSContext2D,
  x: number,
  y: number,
  len: number,
  a: number,
  colour: string,
  unit: number,
) {
  const p = new Path2D();
  const pts = [0, 0.35, 0.3, 0.65, 0.6, 1];
  pts.forEach((f, i) => {
    const off = (i % 2 === 0 ? -1 : 1) * len * 0.12;
    const px = x + Math.cos(a) * f * len - Math.sin(a) * off;
    const py = y + Math.sin(a) * f * len + Math.cos(a) * off;
    if (i === 0) p.moveTo(px, py);
    else p.lineTo(px, py);
  });
  outlinedStroke(ctx, p, colour, 3 * unit, 1.2 * unit);
}

export const shock: Motion = {
  id: 'shock',
  cycles: 1,
  face: 'shock',
  pose: (b) => {
    const recoil = bump(b.t, b.cycles);
    const shiver = wave(b.t, fastCycles(b, 6));
    return {
      dx: 0.012 * b.amp * shiver,
      dy: 0.03 * b.amp * recoil,
      rotate: 0,
      sx: 1 - 0.03 * b.amp * recoil,
      sy: 1 + 0.05 * b.amp * recoil,
      skew: -0.06 * b.amp * recoil,
    };
  },
  front: (ctx, s) => {
    const { stage } = s;
    const [lx, top] = s.follow(-0.5, 1.02);
    const [, mid] = s.follow(0, 0.45);
    gloom(ctx, lx - stage.width * 0.1, top, stage.width * 1.2, mid - top, 0.75 + 0.25 * bump(s.t, s.cycles));
    const p = cyclePhase(s.t, s.cycles);
    const len = stage.height * 0.21 * (0.8 + 0.2 * bump(s.t, fastCycles(s, 2)));
    for (const side of [-1, 1]) {
      const [hx, hy] = s.follow(side * 0.55, s.face.top * 0.92);
      const [x, y] = inside(stage, hx + side * len * 0.2, hy - len * 0.3, len);
      const a = side < 0 ? Math.PI + 0.55 : -0.55;
      jolt(
        ctx,
        x - Math.cos(a) * len * 0.5,
        y - Math.sin(a) * len * 0.5,
        len,
        a + 0.1 * Math.sin(2 * Math.PI * p),
        s.accent,
        stage.unit,
      );
    }
  },
};
