/** Marks that sit on the character itself: blush for uploads and the "gloom" lines of a shock. */
import { Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import { withAlpha } from '../color.ts';
import { local } from './ink.ts';

/** Draws a flushed cheek `w` px wide at (x, y): a soft pink oval with three hatch lines. */
export function blushMark(ctx: SKRSContext2D, x: number, y: number, w: number, alpha = 1): void {
  local(ctx, x, y, 0, w, alpha, () => {
    const g = ctx.createRadialGradient(0, 0, 0, 0, 0, 0.5);
    g.addColorStop(0, withAlpha('#ff5c8a', 0.7));
    g.addColorStop(0.7, withAlpha('#ff5c8a', 0.45));
    g.addColorStop(1, withAlpha('#ff5c8a', 0));
    ctx.save();
    ctx.scale(1, 0.6);
    ctx.fillStyle = g;
    ctx.beginPath();
    ctx.arc(0, 0, 0.5, 0, Math.PI * 2);
    ctx.fill();
    ctx.restore();
    const p = new Path2D();
    for (const dx of [-0.22, 0, 0.22]) {
      p.moveTo(dx - 0.08, 0.13);
      p.lineTo(dx + 0.08, -0.13);
    }
    ctx.lineCap = 'round';
    ctx.lineWidth = 0.07;
    ctx.strokeStyle = '#d93a66';
    ctx.stroke(p);
  });
}

/**
 * Washes the top of whatever is already drawn with a cold blue and draws vertical
 * gloom lines over it: the manga sign that the blood drains from a face. Drawn with
 * source-atop, so it only lands on the character, whatever its shape.
 */
export function gloom(
  ctx: SKRSContext2D,
  left: number,
  top: number,
  width: number,
  height: number,
  amount: number,
): void {
  if (amount <= 0.004) return;
  ctx.save();
  ctx.globalCompositeOperation = 'source-atop';
  const g = ctx.createLinearGradient(0, top, 0, top + height);
  g.addColorStop(0, withAlpha('#5b6fd6', 0.38 * amount));
  g.addColorStop(1, withAlpha('#5b6fd6', 0));
  ctx.fillStyle = g;
  ctx.fillRect(left, top, width, height);
  ctx.strokeStyle = withAlpha('#2b2d70', 0.8 * amount);
  ctx.lineCap = 'round';
  ctx.lineWidth = Math.max(1.2, width * 0.02);
  const n = 7;
  for (let i = 0; i < n; i++) {
    const x = left + width * (0.14 + (0.72 * i) / (n - 1));
    const len = height * (i % 2 === 0 ? 0.62 : 0.45);
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, top + len);
    ctx.stroke();
  }
  ctx.restore();
}
