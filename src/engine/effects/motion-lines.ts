/** Speed and emphasis lines. */
import type { SKRSContext2D } from '@napi-rs/canvas';
import { INK } from './ink.ts';

/**
 * Draws `count` short arcs around (cx, cy) at radius `r`, spread between angles
 * `from` and `to` (radians, 0 = right, clockwise), each `length` radians long.
 */
export function motionArcs(
  ctx: SKRSContext2D,
  cx: number,
  cy: number,
  r: number,
  from: number,
  to: number,
  count: number,
  width: number,
  alpha = 1,
): void {
  if (alpha <= 0.004) return;
  ctx.save();
  ctx.globalAlpha *= alpha;
  ctx.strokeStyle = INK;
  ctx.lineWidth = width;
  ctx.lineCap = 'round';
  for (let i = 0; i < count; i++) {
    const rr = r + i * width * 2.2;
    ctx.beginPath();
    ctx.arc(cx, cy, rr, from, to, to < from);
    ctx.stroke();
  }
  ctx.restore();
}

/** Draws `count` short straight rays pointing away from (cx, cy), between radius r0 and r1. */
export function burstLines(
  ctx: SKRSContext2D,
  cx: number,
  cy: number,
  r0: number,
  r1: number,
  angles: readonly number[],
  width: number,
  alpha = 1,
): void {
  if (alpha <= 0.004) return;
  ctx.save();
  ctx.globalAlpha *= alpha;
  ctx.strokeStyle = INK;
  ctx.lineWidth = width;
  ctx.lineCap = 'round';
  ctx.beginPath();
  for (const a of angles) {
    ctx.moveTo(cx + Math.cos(a) * r0, cy + Math.sin(a) * r0);
    ctx.lineTo(cx + Math.cos(a) * r1, cy + Math.sin(a) * r1);
  }
  ctx.stroke();
  ctx.restore();
}
