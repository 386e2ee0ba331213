/** The blob: a soft gumdrop with a little tuft, nub arms and peeking feet. */
import { Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import type { CharacterArt } from './face.ts';
import { gloss, type Palette, shadedPart } from './style.ts';

function body(ctx: SKRSContext2D, pal: Palette): void {
  for (const x of [39, 61]) {
    const foot = new Path2D();
    foot.ellipse(x, 90, 7, 4, 0, 0, Math.PI * 2);
    shadedPart(ctx, foot, pal, { x: x - 7, y: 86, w: 14, h: 8 }, pal.shade);
  }
  const tuft = new Path2D('M 43.5 34 C 44 27 49 23.5 56.5 22.5 C 53.5 26 53.5 30 57.5 34.5 Z');
  shadedPart(ctx, tuft, pal, { x: 43, y: 22, w: 15, h: 13 });
  const shape = new Path2D(
    'M 50 31 C 66 31 76.5 47 78.5 66 C 80.5 83 74 90.5 61 90.5 L 39 90.5 C 26 90.5 19.5 83 21.5 66 C 23.5 47 34 31 50 31 Z',
  );
  shadedPart(ctx, shape, pal, { x: 21, y: 31, w: 58, h: 60 });
  ctx.save();
  ctx.clip(shape);
  ctx.beginPath();
  ctx.ellipse(50, 84, 17, 9, 0, 0, Math.PI * 2);
  ctx.fillStyle = pal.belly;
  ctx.globalAlpha = 0.4;
  ctx.fill();
  ctx.restore();
  gloss(ctx, 35, 45, 6, 3.2, -0.8);
  for (const side of [-1, 1]) {
    const arm = new Path2D();
    arm.ellipse(50 + side * 27, 74, 3.6, 6, side * -0.7, 0, Math.PI * 2);
    shadedPart(ctx, arm, pal, { x: 50 + side * 27 - 4, y: 68, w: 8, h: 12 });
  }
}

/** The blob, in 100×100 units: its face sits low on the body, like a gumdrop's. */
export const blob: CharacterArt = {
  body,
  face: () => ({
    eyes: [
      [40, 58],
      [60, 58],
    ],
    eyeScale: 1.3,
    mouth: [50, 66],
    mouthWidth: 7,
    cheeks: [
      [31.5, 66],
      [68.5, 66],
    ],
    rest: 'open',
    top: 31,
  }),
};
