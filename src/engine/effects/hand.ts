/** A small waving hand (the 👋 idea), drawn as one outlined mitten shape. */
import { Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import { local, outlinedUnion } from './ink.ts';

/** Parts in a unit box, wrist at the origin, fingers up. */
const PARTS = (() => {
  const parts: Path2D[] = [];
  const palm = new Path2D();
  palm.roundRect(-0.3, -0.58, 0.6, 0.58, 0.24);
  parts.push(palm);
  for (const [x, h] of [
    [-0.28, 0.36],
    [-0.13, 0.44],
    [0.02, 0.42],
    [0.17, 0.34],
  ] as const) {
    const f = new Path2D();
    f.roundRect(x, -0.5 - h, 0.13, h + 0.1, 0.065);
    parts.push(f);
  }
  const thumb = new Path2D();
  thumb.ellipse(-0.33, -0.28, 0.09, 0.2, -0.7, 0, Math.PI * 2);
  parts.push(thumb);
  return parts;
})();

/** Draws a hand `h` px tall with its wrist at (x, y), rotated by `rotation` about the wrist. */
export function wavingHand(
  ctx: SKRSContext2D,
  x: number,
  y: number,
  h: number,
  rotation: number,
  colour = '#ffd36b',
  alpha = 1,
): void {
  local(ctx, x, y, rotation, h, alpha, () => outlinedUnion(ctx, PARTS, colour, Math.min(0.06, 1.3 / h)));
}
