/** Twinkling four-point stars. */
import { Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import { INK, local } from './ink.ts';

const STAR = (() => {
  const p = new Path2D();
  p.moveTo(0, -1);
  p.quadraticCurveTo(0.14, -0.14, 1, 0);
  p.quadraticCurveTo(0.14, 0.14, 0, 1);
  p.quadraticCurveTo(-0.14, 0.14, -1, 0);
  p.quadraticCurveTo(-0.14, -0.14, 0, -1);
  p.closePath();
  return p;
})();

/** Draws a sparkle of radius `r` at (x, y). */
export function sparkle(
  ctx: SKRSContext2D,
  x: number,
  y: number,
  r: number,
  colour = '#ffd54a',
  alpha = 1,
  rotation = 0,
): void {
  local(ctx, x, y, rotation, r, alpha, () => {
    ctx.lineJoin = 'round';
    ctx.lineWidth = Math.min(0.3, 1.3 / r);
    ctx.strokeStyle = INK;
    ctx.stroke(STAR);
    ctx.fillStyle = colour;
    ctx.fill(STAR);
    ctx.beginPath();
    ctx.arc(0, 0, 0.16, 0, Math.PI * 2);
    ctx.fillStyle = '#ffffff';
    ctx.fill();
  });
}
