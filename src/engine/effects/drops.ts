/** Water effects: tears, a sweat drop, a nose bubble and a small rain cloud. */
import { Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import { INK, local, outlinedUnion } from './ink.ts';

/** A teardrop, unit radius round end at the origin, tip pointing up (−y). */
const DROP = (() => {
  const p = new Path2D();
  p.moveTo(0, -2);
  p.bezierCurveTo(0.35, -1.3, 1, -0.7, 1, 0);
  p.arc(0, 0, 1, 0, Math.PI);
  p.bezierCurveTo(-1, -0.7, -0.35, -1.3, 0, -2);
  p.closePath();
  return p;
})();

function drop(ctx: SKRSContext2D, fill: string, lineWidth: number): void {
  ctx.fillStyle = fill;
  ctx.fill(DROP);
  ctx.lineJoin = 'round';
  ctx.lineWidth = lineWidth;
  ctx.strokeStyle = INK;
  ctx.stroke(DROP);
  ctx.beginPath();
  ctx.ellipse(-0.35, -0.15, 0.22, 0.36, 0.3, 0, Math.PI * 2);
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.fill();
}

/** A tear of radius `r` at (x, y); `rotation` turns the tip away from straight up. */
export function tear(
  ctx: SKRSContext2D,
  x: number,
  y: number,
  r: number,
  colour = '#5cb8ff',
  alpha = 1,
  rotation = 0,
): void {
  local(ctx, x, y, rotation, r, alpha, () => drop(ctx, colour, Math.min(0.5, 1.2 / r)));
}

/** The anime sweat drop: a bigger, paler tear tilted against the head. */
export function sweatDrop(
  ctx: SKRSContext2D,
  x: number,
  y: number,
  r: number,
  alpha = 1,
  colour = '#bfe6ff',
  rotation = -0.35,
): void {
  local(ctx, x, y, rotation, r, alpha, () => drop(ctx, colour, Math.min(0.4, 1.4 / r)));
}

/** The sleeper's nose bubble: a translucent sphere of radius `r` with a glint. */
export function noseBubble(ctx: SKRSContext2D, x: number, y: number, r: number, alpha = 1): void {
  local(ctx, x, y, 0, r, alpha, () => {
    ctx.beginPath();
    ctx.arc(0, 0, 1, 0, Math.PI * 2);
    ctx.fillStyle = 'rgba(150,210,255,0.55)';
    ctx.fill();
    ctx.lineWidth = Math.min(0.12, 1.2 / r);
    ctx.strokeStyle = INK;
    ctx.stroke();
    ctx.beginPath();
    ctx.ellipse(-0.38, -0.4, 0.3, 0.16, -0.7, 0, Math.PI * 2);
    ctx.fillStyle = 'rgba(255,255,255,0.95)';
    ctx.fill();
  });
}

/** A small puffy cloud `w` px wide centred at (x, y). */
export function cloud(
  ctx: SKRSContext2D,
  x: number,
  y: number,
  w: number,
  colour = '#cfd8e6',
  alpha = 1,
): void {
  local(ctx, x, y, 0, w, alpha, () => {
    const parts: Path2D[] = [];
    for (const [cx, cy, r] of [
      [-0.28, 0.06, 0.2],
      [-0.06, -0.08, 0.27],
      [0.22, -0.02, 0.22],
      [0.34, 0.1, 0.15],
    ] as const) {
      const p = new Path2D();
      p.arc(cx, cy, r, 0, Math.PI * 2);
      parts.push(p);
    }
    const base = new Path2D();
    base.roundRect(-0.45, 0.02, 0.92, 0.24, 0.12);
    parts.push(base);
    outlinedUnion(ctx, parts, colour, Math.min(0.04, 1.4 / w));
  });
}
