/** Speech and thought bubbles, and the vector "OK" that goes in one. */
import { Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import { INK, local, outlinedStroke, outlinedUnion } from './ink.ts';

/**
 * Draws a white speech bubble `w`×`h` px centred at (x, y) with its tail pointing
 * towards (tx, ty), then calls `content` in a local frame where the bubble is 1 unit tall.
 */
export function speechBubble(
  ctx: SKRSContext2D,
  x: number,
  y: number,
  w: number,
  h: number,
  tx: number,
  ty: number,
  content?: () => void,
  alpha = 1,
): void {
  if (alpha <= 0.004) return;
  const body = new Path2D();
  body.roundRect(x - w / 2, y - h / 2, w, h, h * 0.45);
  // The tail is a triangle from the bubble's lower edge towards the speaker.
  const tail = new Path2D();
  const bx = x + Math.sign(tx - x) * w * 0.12;
  tail.moveTo(bx - h * 0.2, y + h * 0.3);
  tail.lineTo(x + (tx - x) * 0.75, y + (ty - y) * 0.75);
  tail.lineTo(bx + h * 0.2, y + h * 0.3);
  tail.closePath();
  ctx.save();
  ctx.globalAlpha *= alpha;
  outlinedUnion(ctx, [body, tail], '#ffffff', Math.max(1, h * 0.045));
  if (content) {
    ctx.translate(x, y);
    ctx.scale(h, h);
    content();
  }
  ctx.restore();
}

/**
 * Draws a thought bubble: a cloud `w` px wide at (x, y) with two little puffs
 * trailing towards (tx, ty); `content` draws in a frame where the cloud is 1 unit tall.
 */
export function thoughtBubble(
  ctx: SKRSContext2D,
  x: number,
  y: number,
  w: number,
  tx: number,
  ty: number,
  content?: () => void,
  alpha = 1,
): void {
  if (alpha <= 0.004) return;
  const h = w * 0.72;
  const parts: Path2D[] = [];
  const core = new Path2D();
  core.ellipse(x, y, w * 0.4, h * 0.36, 0, 0, Math.PI * 2);
  parts.push(core);
  for (let i = 0; i < 7; i++) {
    const a = (i / 7) * Math.PI * 2 + 0.3;
    const p = new Path2D();
    p.arc(x + Math.cos(a) * w * 0.36, y + Math.sin(a) * h * 0.3, h * 0.22, 0, Math.PI * 2);
    parts.push(p);
  }
  for (const [f, r] of [
    [0.55, 0.1],
    [0.8, 0.065],
  ] as const) {
    const p = new Path2D();
    p.arc(x + (tx - x) * f, y + (ty - y) * f, h * r, 0, Math.PI * 2);
    parts.push(p);
  }
  ctx.save();
  ctx.globalAlpha *= alpha;
  outlinedUnion(ctx, parts, '#ffffff', Math.max(1, h * 0.04));
  if (content) {
    ctx.translate(x, y);
    ctx.scale(h, h);
    content();
  }
  ctx.restore();
}

const OK = (() => {
  const p = new Path2D();
  p.ellipse(-0.3, 0, 0.22, 0.3, 0, 0, Math.PI * 2);
  p.moveTo(0.12, -0.3);
  p.lineTo(0.12, 0.3);
  p.moveTo(0.44, -0.3);
  p.lineTo(0.14, 0.04);
  p.moveTo(0.24, -0.06);
  p.lineTo(0.46, 0.3);
  return p;
})();

/** Draws "OK" `h` px tall at (x, y). */
export function okText(ctx: SKRSContext2D, x: number, y: number, h: number, colour: string, alpha = 1): void {
  local(ctx, x, y, 0, h, alpha, () => outlinedStroke(ctx, OK, colour, 0.15, Math.min(0.07, 1.2 / h)));
}

/** Draws "…" (three dots) `w` px wide at (x, y), showing the first `count` dots. */
export function ellipsis(ctx: SKRSContext2D, x: number, y: number, w: number, count: number): void {
  ctx.fillStyle = INK;
  for (let i = 0; i < Math.min(3, count); i++) {
    ctx.beginPath();
    ctx.arc(x + (i - 1) * w * 0.36, y, w * 0.1, 0, Math.PI * 2);
    ctx.fill();
  }
}
