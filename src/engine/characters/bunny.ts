/** The bunny: long upright ears with pink insides, a twitchy nose and a cotton tail. */
import { Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import { chibiBody } from './body.ts';
import type { CharacterArt } from './face.ts';
import { flatPart, gloss, type Palette, shadedPart } from './style.ts';

function ears(ctx: SKRSContext2D, pal: Palette): void {
  for (const side of [-1, 1]) {
    const x = 50 + side * 10.5;
    const tilt = side * 0.16;
    const ear = new Path2D();
    ear.ellipse(x, 31, 6.6, 13.5, tilt, 0, Math.PI * 2);
    shadedPart(ctx, ear, pal, { x: x - 6.6, y: 17.5, w: 13.2, h: 27 });
    ctx.beginPath();
    ctx.ellipse(x + side * 0.3, 32, 3.2, 9.5, tilt, 0, Math.PI * 2);
    ctx.fillStyle = pal.inner;
    ctx.fill();
  }
}

function body(ctx: SKRSContext2D, pal: Palette): void {
  const tail = new Path2D();
  tail.arc(67.5, 84, 6, 0, Math.PI * 2);
  shadedPart(ctx, tail, pal, { x: 61.5, y: 78, w: 12, h: 12 }, pal.belly);
  chibiBody(ctx, pal, { limbs: pal.body, belly: pal.belly });
  ears(ctx, pal);
  const head = new Path2D();
  head.ellipse(50, 50.5, 25, 19.5, 0, 0, Math.PI * 2);
  shadedPart(ctx, head, pal, { x: 25, y: 31, w: 50, h: 39 });
  gloss(ctx, 35, 40, 4.6, 2.4, -0.6);
  const nose = new Path2D('M 48.2 55.4 Q 50 54.6 51.8 55.4 Q 51.2 57.2 50 57.4 Q 48.8 57.2 48.2 55.4 Z');
  flatPart(ctx, nose, '#ff8fab', pal, 1);
}

/** The bunny, in 100×100 units. */
export const bunny: CharacterArt = {
  body,
  face: () => ({
    eyes: [
      [40, 51],
      [60, 51],
    ],
    eyeScale: 1.2,
    mouth: [50, 58.6],
    mouthWidth: 6.5,
    cheeks: [
      [32, 58.5],
      [68, 58.5],
    ],
    rest: 'cat',
    top: 31,
  }),
};
