/** A glossy outlined heart. */
import { Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import { INK, local } from './ink.ts';

/** The classic parametric heart, unit width, centred on its bounding box. */
const HEART = (() => {
  const p = new Path2D();
  const steps = 64;
  for (let i = 0; i <= steps; i++) {
    const a = (i / steps) * Math.PI * 2;
    const x = (16 * Math.sin(a) ** 3) / 34;
    const y = -(13 * Math.cos(a) - 5 * Math.cos(2 * a) - 2 * Math.cos(3 * a) - Math.cos(4 * a)) / 34 + 0.05;
    if (i === 0) p.moveTo(x, y);
    else p.lineTo(x, y);
  }
  p.closePath();
  return p;
})();

/** Draws a heart `size` px wide centred at (x, y). */
export function heart(
  ctx: SKRSContext2D,
  x: number,
  y: number,
  size: number,
  colour: string,
  alpha = 1,
  rotation = 0,
): void {
  local(ctx, x, y, rotation, size, alpha, () => {
    ctx.fillStyle = colour;
    ctx.fill(HEART);
    ctx.lineJoin = 'round';
    ctx.lineWidth = Math.min(0.12, 1.6 / size);
    ctx.strokeStyle = INK;
    ctx.stroke(HEART);
    ctx.beginPath();
    ctx.ellipse(-0.2, -0.16, 0.1, 0.06, -0.7, 0, Math.PI * 2);
    ctx.fillStyle = 'rgba(255,255,255,0.8)';
    ctx.fill();
  });
}
