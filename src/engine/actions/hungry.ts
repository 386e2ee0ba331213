/** Hungry: dreaming of a rice ball in a thought bubble while the tummy rumbles. */
import { Path2D } from '@napi-rs/canvas';
import { thoughtBubble } from '../effects/bubble.ts';
import { tear } from '../effects/drops.ts';
import { outlinedStroke } from '../effects/ink.ts';
import { riceBall } from '../effects/props.ts';
import { bump, cyclePhase, fastCycles, inside, wave } from './kit.ts';
import type { Motion } from './types.ts';

export const hungry: Motion = {
  id: 'hungry',
  cycles: 1,
  face: 'hungry',
  pose: (b) => {
    const rumble = bump(b.t, fastCycles(b, 2));
    return {
      dx: 0,
      dy: 0,
      rotate: 0.04 * b.amp * wave(b.t, b.cycles),
      sx: 1 + 0.035 * b.amp * rumble,
      sy: 1 - 0.02 * b.amp * rumble,
      skew: 0,
    };
  },
  front: (ctx, s) => {
    const { stage } = s;
    const w = stage.height * 0.42;
    const [hx, hy] = s.follow(0.4, s.face.top * 0.9);
    const [x, y] = inside(stage, hx + w * 0.28, hy - w * 0.28, w * 0.56, w * 0.4);
    thoughtBubble(ctx, x, y, w, hx - w * 0.1, hy + w * 0.1, () =>
      riceBall(ctx, 0, 0.02 + 0.03 * wave(s.t, 2), 0.62, 0.15 * wave(s.t, 1)),
    );
    // Rumble marks by the tummy, strongest on each growl.
    const growl = bump(s.t, fastCycles(s, 2));
    for (const side of [-1, 1]) {
      const [bx, by] = s.follow(side * 0.6, 0.3);
      const len = stage.height * 0.14;
      const p = new Path2D();
      for (let i = 0; i <= 4; i++) {
        const px = bx + side * (i % 2) * len * 0.3;
        const py = by - len / 2 + (i * len) / 4;
        if (i === 0) p.moveTo(px, py);
        else p.lineTo(px, py);
      }
      ctx.globalAlpha = 0.3 + 0.7 * growl;
      outlinedStroke(ctx, p, '#ffd36b', 2.4 * stage.unit, 1.1 * stage.unit);
      ctx.globalAlpha = 1;
    }
    // An upload cannot drool on its own: a drop hangs from where its mouth probably is.
    if (!s.expressive) {
      const u = cyclePhase(s.t, s.cycles);
      const [mx, my] = s.follow(s.face.mouth[0] + 0.12, s.face.mouth[1] - 0.04 - 0.04 * u);
      tear(ctx, mx, my, stage.height * 0.03 * (0.7 + 0.5 * u), s.accent);
    }
  },
};
