/** The bear: round ears, a light muzzle with a button nose; a grey-white bear becomes a panda. */
import { Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import { mix } from '../color.ts';
import { chibiBody } from './body.ts';
import type { CharacterArt } from './face.ts';
import { gloss, type Palette, shadedPart } from './style.ts';

const PANDA_BLACK = '#3a3540';

function ears(ctx: SKRSContext2D, pal: Palette, earColour: string): void {
  for (const side of [-1, 1]) {
    const x = 50 + side * 20.5;
    const ear = new Path2D();
    ear.arc(x, 30.5, 8.5, 0, Math.PI * 2);
    shadedPart(ctx, ear, pal, { x: x - 8.5, y: 22, w: 17, h: 17 }, earColour);
    ctx.beginPath();
    ctx.arc(x, 31, 4.6, 0, Math.PI * 2);
    ctx.fillStyle = pal.pale ? mix(PANDA_BLACK, '#ffffff', 0.18) : pal.inner;
    ctx.fill();
  }
}

/** The muzzle and button nose; the mouth under it belongs to the expression. */
function muzzle(ctx: SKRSContext2D, pal: Palette): void {
  ctx.beginPath();
  ctx.ellipse(50, 57, 10, 7.4, 0, 0, Math.PI * 2);
  ctx.fillStyle = pal.pale ? '#ffffff' : pal.belly;
  ctx.fill();
  ctx.beginPath();
  ctx.moveTo(46.8, 52.6);
  ctx.quadraticCurveTo(50, 51.2, 53.2, 52.6);
  ctx.quadraticCurveTo(52.6, 55.6, 50, 56);
  ctx.quadraticCurveTo(47.4, 55.6, 46.8, 52.6);
  ctx.fillStyle = pal.outline;
  ctx.fill();
  ctx.beginPath();
  ctx.ellipse(49, 53, 1.2, 0.6, 0, 0, Math.PI * 2);
  ctx.fillStyle = 'rgba(255,255,255,0.7)';
  ctx.fill();
}

function pandaPatches(ctx: SKRSContext2D): void {
  ctx.fillStyle = PANDA_BLACK;
  for (const side of [-1, 1]) {
    ctx.beginPath();
    ctx.ellipse(50 + side * 11, 48.5, 6.4, 7.8, side * -0.55, 0, Math.PI * 2);
    ctx.fill();
  }
}

function body(ctx: SKRSContext2D, pal: Palette): void {
  const limbs = pal.pale ? PANDA_BLACK : pal.body;
  chibiBody(ctx, pal, { limbs, belly: pal.pale ? '#ffffff' : pal.belly });
  ears(ctx, pal, limbs);
  const head = new Path2D();
  head.ellipse(50, 47, 27, 21, 0, 0, Math.PI * 2);
  shadedPart(ctx, head, pal, { x: 23, y: 26, w: 54, h: 42 });
  gloss(ctx, 33.5, 35.5, 5, 2.6, -0.6);
  if (pal.pale) pandaPatches(ctx);
  muzzle(ctx, pal);
}

/** The bear, in 100×100 units. */
export const bear: CharacterArt = {
  body,
  face: (pal) => ({
    eyes: [
      [39, 48],
      [61, 48],
    ],
    eyeScale: 1.2,
    mouth: [50, 58],
    mouthWidth: 7,
    cheeks: [
      [30.5, 56],
      [69.5, 56],
    ],
    rest: 'bear',
    rimmedEyes: pal.pale,
    top: 26,
  }),
};
