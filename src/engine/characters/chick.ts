/** The chick: a round fluffy ball with a feather tuft, stubby wings and orange feet; it talks with its beak. */
import { Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import type { CharacterArt } from './face.ts';
import { gloss, type Palette, shadedPart } from './style.ts';

const FEET = '#f59a3c';

function feet(ctx: SKRSContext2D, pal: Palette): void {
  for (const side of [-1, 1]) {
    const x = 50 + side * 9.5;
    const foot = new Path2D();
    // Three rounded toes fanned out from the ankle.
    for (const a of [-0.55, 0, 0.55]) {
      foot.ellipse(x + Math.sin(a) * 3.2, 90.5 - Math.cos(a) * 0.6, 2.1, 3.3, a, 0, Math.PI * 2);
    }
    ctx.fillStyle = FEET;
    ctx.fill(foot);
    ctx.lineWidth = 1.8;
    ctx.strokeStyle = pal.outline;
    ctx.stroke(foot);
    ctx.fill(foot);
  }
}

function body(ctx: SKRSContext2D, pal: Palette): void {
  feet(ctx, pal);
  // Three feathers: a tall one in the middle and two curling out to the sides.
  const tuft = new Path2D(
    'M 44 34 C 41.5 30 42.5 26.5 45.5 27 C 46.5 23.5 49 21.5 51 21.5 C 52.5 23.5 53.5 25 54 27.5 C 57.5 26.5 58.5 30.5 56 34 Z',
  );
  shadedPart(ctx, tuft, pal, { x: 42, y: 21, w: 17, h: 13 });
  const ball = new Path2D();
  ball.ellipse(50, 60.5, 29, 29.5, 0, 0, Math.PI * 2);
  shadedPart(ctx, ball, pal, { x: 21, y: 31, w: 58, h: 59 });
  ctx.save();
  ctx.clip(ball);
  ctx.beginPath();
  ctx.ellipse(50, 82, 17, 10, 0, 0, Math.PI * 2);
  ctx.fillStyle = pal.belly;
  ctx.globalAlpha = 0.75;
  ctx.fill();
  ctx.restore();
  gloss(ctx, 35, 43, 6, 3, -0.7);
  for (const side of [-1, 1]) {
    const wing = new Path2D();
    wing.ellipse(50 + side * 23.5, 70, 4.2, 7.8, side * 0.35, 0, Math.PI * 2);
    shadedPart(ctx, wing, pal, { x: 50 + side * 23.5 - 4.2, y: 62, w: 8.4, h: 15.6 });
  }
}

/** The chick, in 100×100 units. */
export const chick: CharacterArt = {
  body,
  face: () => ({
    eyes: [
      [39.5, 55],
      [60.5, 55],
    ],
    eyeScale: 1.25,
    mouth: [50, 61],
    mouthWidth: 11,
    cheeks: [
      [30.5, 63],
      [69.5, 63],
    ],
    rest: 'open',
    beak: true,
    top: 31,
  }),
};
