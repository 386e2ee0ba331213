/** The frog: a wide head with eyes up on two bumps, a pale belly and a big grin. */
import { Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import { mix } from '../color.ts';
import { chibiBody } from './body.ts';
import type { CharacterArt } from './face.ts';
import { gloss, OUTLINE, type Palette } from './style.ts';

/** Head and eye bumps share one outline: stroke the pieces at double width, then fill them. */
function head(ctx: SKRSContext2D, pal: Palette): void {
  const parts = [new Path2D(), new Path2D(), new Path2D()];
  parts[0].ellipse(50, 51.5, 29, 17.5, 0, 0, Math.PI * 2);
  parts[1].arc(37, 37, 9.5, 0, Math.PI * 2);
  parts[2].arc(63, 37, 9.5, 0, Math.PI * 2);
  ctx.lineJoin = 'round';
  ctx.lineWidth = OUTLINE * 2;
  ctx.strokeStyle = pal.outline;
  for (const p of parts) ctx.stroke(p);
  const g = ctx.createRadialGradient(38, 36, 2, 50, 48, 34);
  g.addColorStop(0, mix(pal.body, '#ffffff', 0.28));
  g.addColorStop(0.55, pal.body);
  g.addColorStop(1, mix(pal.body, '#3b2350', 0.22));
  ctx.fillStyle = g;
  for (const p of parts) ctx.fill(p);
}

function body(ctx: SKRSContext2D, pal: Palette): void {
  chibiBody(ctx, pal, { limbs: pal.body, belly: mix(pal.belly, '#fff3c4', 0.35) });
  head(ctx, pal);
  gloss(ctx, 31.5, 33.5, 3.4, 1.8, -0.7);
  gloss(ctx, 34, 47, 4, 2, -0.3);
}

/** The frog, in 100×100 units. */
export const frog: CharacterArt = {
  body,
  face: () => ({
    eyes: [
      [37, 38],
      [63, 38],
    ],
    eyeScale: 1.25,
    mouth: [50, 54.5],
    mouthWidth: 12,
    cheeks: [
      [29, 55],
      [71, 55],
    ],
    rest: 'wide',
    top: 27.5,
  }),
};
