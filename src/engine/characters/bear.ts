/** The bear: round ears, a light muzzle with a button nose; a grey-white bear becomes a panda. */
import { Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import { mix } from '../color.ts';
import { chibiBody } from './body.ts';
import { blush, eye, gloss, type Palette, shadedPart } from './style.ts';

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

function muzzle(ctx: SKRSContext2D, pal: Palette): void {
  ctx.beginPath();
  ctx.ellipse(50, 56.5, 9, 6.6, 0, 0, Math.PI * 2);
  ctx.fillStyle = pal.pale ? '#ffffff' : pal.belly;
  ctx.fill();
  ctx.beginPath();
  ctx.moveTo(46.8, 53);
  ctx.quadraticCurveTo(50, 51.6, 53.2, 53);
  ctx.quadraticCurveTo(52.6, 56, 50, 56.4);
  ctx.quadraticCurveTo(47.4, 56, 46.8, 53);
  ctx.fillStyle = pal.outline;
  ctx.fill();
  ctx.beginPath();
  ctx.ellipse(49, 53.4, 1.2, 0.6, 0, 0, Math.PI * 2);
  ctx.fillStyle = 'rgba(255,255,255,0.7)';
  ctx.fill();
  ctx.beginPath();
  ctx.moveTo(50, 56.2);
  ctx.lineTo(50, 58);
  ctx.moveTo(47.2, 58.2);
  ctx.quadraticCurveTo(48.8, 60, 50, 58);
  ctx.quadraticCurveTo(51.2, 60, 52.8, 58.2);
  ctx.lineWidth = 1.3;
  ctx.lineCap = 'round';
  ctx.strokeStyle = pal.outline;
  ctx.stroke();
}

function pandaPatches(ctx: SKRSContext2D): void {
  ctx.fillStyle = PANDA_BLACK;
  for (const side of [-1, 1]) {
    ctx.beginPath();
    ctx.ellipse(50 + side * 10.5, 50, 5.6, 7.2, side * -0.55, 0, Math.PI * 2);
    ctx.fill();
  }
}

/** Draws the bear in 100×100 units. */
export function drawBear(ctx: SKRSContext2D, pal: Palette): void {
  const limbs = pal.pale ? PANDA_BLACK : pal.body;
  chibiBody(ctx, pal, { limbs, belly: pal.pale ? '#ffffff' : pal.belly });
  ears(ctx, pal, limbs);
  const head = new Path2D();
  head.ellipse(50, 47, 27, 21, 0, 0, Math.PI * 2);
  shadedPart(ctx, head, pal, { x: 23, y: 26, w: 54, h: 42 });
  gloss(ctx, 33.5, 35.5, 5, 2.6, -0.6);
  if (pal.pale) {
    pandaPatches(ctx);
    const rimmed = { ...pal, eyeRim: '#fff6ee' };
    eye(ctx, 39.5, 49.5, rimmed, 0.9);
    eye(ctx, 60.5, 49.5, rimmed, 0.9);
  } else {
    eye(ctx, 39.5, 49.5, pal);
    eye(ctx, 60.5, 49.5, pal);
  }
  blush(ctx, 31.5, 57, pal);
  blush(ctx, 68.5, 57, pal);
  muzzle(ctx, pal);
}
