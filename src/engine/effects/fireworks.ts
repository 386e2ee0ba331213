/** A firework burst: rays that shoot out, open into dots and fade. */
import type { SKRSContext2D } from '@napi-rs/canvas';
import { INK } from './ink.ts';

/**
 * Draws a burst of `rays` rays centred at (x, y) at progress `u` ∈ [0, 1) of its life:
 * the rays grow to radius `r` and thin out into sparks as it fades.
 */
export function firework(
  ctx: SKRSContext2D,
  x: number,
  y: number,
  r: number,
  u: number,
  colour: string,
  rays = 10,
  width = 2,
): void {
  if (u <= 0 || u >= 1) return;
  const grow = 1 - (1 - u) ** 3;
  const alpha = u < 0.7 ? 1 : 1 - (u - 0.7) / 0.3;
  const outer = r * grow;
  const inner = r * Math.max(0, grow - 0.45 - 0.3 * u);
  ctx.save();
  ctx.globalAlpha *= alpha;
  ctx.lineCap = 'round';
  for (const [stroke, w] of [
    [INK, width + 1.6],
    [colour, width],
  ] as const) {
    ctx.strokeStyle = stroke;
    ctx.lineWidth = w;
    ctx.beginPath();
    for (let i = 0; i < rays; i++) {
      const a = (i / rays) * Math.PI * 2;
      ctx.moveTo(x + Math.cos(a) * inner, y + Math.sin(a) * inner);
      ctx.lineTo(x + Math.cos(a) * outer, y + Math.sin(a) * outer);
    }
    ctx.stroke();
  }
  ctx.fillStyle = '#ffffff';
  for (let i = 0; i < rays; i++) {
    const a = ((i + 0.5) / rays) * Math.PI * 2;
    ctx.beginPath();
    ctx.arc(x + Math.cos(a) * outer * 0.8, y + Math.sin(a) * outer * 0.8, width * 0.6, 0, Math.PI * 2);
    ctx.fill();
  }
  ctx.restore();
}
