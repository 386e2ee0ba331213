/** The cat: big round head with pointed ears, forehead stripes, whiskers and a curly tail. */
import { Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import { mix } from '../color.ts';
import { chibiBody } from './body.ts';
import type { CharacterArt } from './face.ts';
import { flatPart, gloss, OUTLINE, type Palette, shadedPart } from './style.ts';

function tail(ctx: SKRSContext2D, pal: Palette): void {
  const path = new Path2D('M 60 87 C 76 90 84 80 81 68 C 80 63 76 61 74 64');
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.strokeStyle = pal.outline;
  ctx.lineWidth = 9 + OUTLINE;
  ctx.stroke(path);
  ctx.strokeStyle = pal.body;
  ctx.lineWidth = 9 - OUTLINE;
  ctx.stroke(path);
}

function ears(ctx: SKRSContext2D, pal: Palette): void {
  for (const side of [-1, 1]) {
    const x = (v: number) => 50 + side * v;
    const ear = new Path2D();
    ear.moveTo(x(12), 33);
    ear.quadraticCurveTo(x(19), 20, x(21.5), 22.5);
    ear.quadraticCurveTo(x(24.5), 26, x(24.5), 40);
    ear.closePath();
    shadedPart(ctx, ear, pal, { x: 50 + side * 18 - 7, y: 22, w: 14, h: 18 });
    const inner = new Path2D();
    inner.moveTo(x(15), 34);
    inner.quadraticCurveTo(x(19.5), 26.5, x(21), 27.5);
    inner.quadraticCurveTo(x(22.3), 30, x(22), 37);
    inner.closePath();
    ctx.fillStyle = pal.inner;
    ctx.fill(inner);
  }
}

function stripes(ctx: SKRSContext2D, pal: Palette): void {
  ctx.fillStyle = pal.pale ? mix(pal.body, '#c9b8a6', 0.7) : pal.shade;
  for (const [x, w, h] of [
    [50, 2.6, 6.5],
    [44.5, 2.1, 5],
    [55.5, 2.1, 5],
  ] as const) {
    ctx.beginPath();
    ctx.moveTo(x - w, 27.6);
    ctx.quadraticCurveTo(x, 27.6 + h * 1.4, x + w, 27.6);
    ctx.closePath();
    ctx.fill();
  }
}

function whiskers(ctx: SKRSContext2D, pal: Palette): void {
  ctx.strokeStyle = pal.outline;
  ctx.lineWidth = 1.3;
  ctx.lineCap = 'round';
  for (const side of [-1, 1]) {
    for (const [y0, y1] of [
      [55, 53],
      [58, 59],
    ] as const) {
      ctx.beginPath();
      ctx.moveTo(50 + side * 21.5, y0);
      ctx.lineTo(50 + side * 29.5, y1);
      ctx.stroke();
    }
  }
}

function body(ctx: SKRSContext2D, pal: Palette): void {
  tail(ctx, pal);
  chibiBody(ctx, pal, { limbs: pal.body, belly: pal.belly });
  ears(ctx, pal);
  const head = new Path2D();
  head.ellipse(50, 46.5, 26, 20.5, 0, 0, Math.PI * 2);
  shadedPart(ctx, head, pal, { x: 24, y: 26, w: 52, h: 41 });
  ctx.save();
  ctx.clip(head);
  stripes(ctx, pal);
  ctx.beginPath();
  ctx.ellipse(50, 57.5, 10, 6.5, 0, 0, Math.PI * 2);
  ctx.fillStyle = pal.belly;
  ctx.fill();
  ctx.restore();
  gloss(ctx, 34, 35.5, 5, 2.6, -0.6);
  whiskers(ctx, pal);
  const nose = new Path2D('M 48.3 53.2 Q 50 52.6 51.7 53.2 Q 51 55 50 55.3 Q 49 55 48.3 53.2 Z');
  flatPart(ctx, nose, pal.inner, pal, 1);
}

/** The cat, in 100×100 units. */
export const cat: CharacterArt = {
  body,
  face: () => ({
    eyes: [
      [39.5, 48],
      [60.5, 48],
    ],
    eyeScale: 1.2,
    mouth: [50, 56.5],
    mouthWidth: 7,
    cheeks: [
      [31.5, 55.5],
      [68.5, 55.5],
    ],
    rest: 'cat',
    top: 26,
  }),
};
