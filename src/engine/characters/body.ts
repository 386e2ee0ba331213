/**
 * The chibi body the cat and the bear share: stubby legs behind a pear-shaped torso,
 * a soft belly patch and little arms in front. Units are the 100×100 character space.
 */
import { Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import { type Palette, shadedPart } from './style.ts';

export interface LimbColours {
  /** Legs and arms; pandas have dark limbs. */
  limbs: string;
  belly: string;
}

/** Draws legs, torso, belly and arms, in that back-to-front order. */
export function chibiBody(ctx: SKRSContext2D, pal: Palette, colours: LimbColours): void {
  for (const x of [36.5, 52.5]) {
    const leg = new Path2D();
    leg.roundRect(x, 78, 11, 16, [4, 4, 5.5, 5.5]);
    shadedPart(ctx, leg, pal, { x, y: 78, w: 11, h: 16 }, colours.limbs);
  }
  const torso = new Path2D(
    'M 50 59 C 62 59 68.5 71 67.5 81 C 67 88 60.5 90.5 50 90.5 C 39.5 90.5 33 88 32.5 81 C 31.5 71 38 59 50 59 Z',
  );
  shadedPart(ctx, torso, pal, { x: 32, y: 59, w: 36, h: 32 });
  ctx.beginPath();
  ctx.ellipse(50, 79.5, 10.5, 8.5, 0, 0, Math.PI * 2);
  ctx.fillStyle = colours.belly;
  ctx.fill();
  for (const side of [-1, 1]) {
    const arm = new Path2D();
    arm.ellipse(50 + side * 15.5, 73, 4.4, 7, side * -0.55, 0, Math.PI * 2);
    shadedPart(ctx, arm, pal, { x: 50 + side * 15.5 - 4.4, y: 66, w: 8.8, h: 14 }, colours.limbs);
  }
}
