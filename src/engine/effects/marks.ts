/** Manga-style symbols drawn as vectors: anger mark, "!", Z, "HA", check and cross. */
import { Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import { INK, local, outlinedStroke } from './ink.ts';

/** The 💢 anger mark: four bulging corner strokes around a centre, unit radius. */
const ANGER = (() => {
  const p = new Path2D();
  for (let q = 0; q < 4; q++) {
    const a = (q * Math.PI) / 2;
    const rot = (x: number, y: number): [number, number] => [
      x * Math.cos(a) - y * Math.sin(a),
      x * Math.sin(a) + y * Math.cos(a),
    ];
    p.moveTo(...rot(0.28, 0.95));
    p.quadraticCurveTo(...rot(0.24, 0.24), ...rot(0.95, 0.28));
  }
  return p;
})();

/** Draws an anger mark of radius `r` at (x, y). */
export function angerMark(
  ctx: SKRSContext2D,
  x: number,
  y: number,
  r: number,
  colour = '#ff3b4f',
  alpha = 1,
): void {
  local(ctx, x, y, 0, r, alpha, () => outlinedStroke(ctx, ANGER, colour, 0.3, Math.min(0.14, 1.3 / r)));
}

/** A tapered exclamation mark, unit height, centred. */
const BANG = (() => {
  const p = new Path2D();
  p.moveTo(-0.17, -0.5);
  p.quadraticCurveTo(0, -0.6, 0.17, -0.5);
  p.lineTo(0.08, 0.16);
  p.quadraticCurveTo(0, 0.22, -0.08, 0.16);
  p.closePath();
  p.moveTo(0.11, 0.39);
  p.arc(0, 0.39, 0.11, 0, Math.PI * 2);
  return p;
})();

/** Draws a "!" `h` px tall at (x, y). */
export function exclamation(
  ctx: SKRSContext2D,
  x: number,
  y: number,
  h: number,
  colour = '#ffcc33',
  alpha = 1,
  rotation = 0,
): void {
  local(ctx, x, y, rotation, h, alpha, () => {
    ctx.lineJoin = 'round';
    ctx.lineWidth = Math.min(0.14, 2.6 / h);
    ctx.strokeStyle = INK;
    ctx.stroke(BANG);
    ctx.fillStyle = colour;
    ctx.fill(BANG);
  });
}

const Z = (() => {
  const p = new Path2D();
  p.moveTo(-0.5, -0.5);
  p.lineTo(0.5, -0.5);
  p.lineTo(-0.5, 0.5);
  p.lineTo(0.5, 0.5);
  return p;
})();

/** Draws a "Z" `s` px tall at (x, y). */
export function zLetter(
  ctx: SKRSContext2D,
  x: number,
  y: number,
  s: number,
  colour = '#8ea2ff',
  alpha = 1,
  rotation = 0,
): void {
  local(ctx, x, y, rotation, s, alpha, () => outlinedStroke(ctx, Z, colour, 0.2, Math.min(0.12, 1.3 / s)));
}

const HA = (() => {
  const p = new Path2D();
  // H
  p.moveTo(-0.75, -0.5);
  p.lineTo(-0.75, 0.5);
  p.moveTo(-0.15, -0.5);
  p.lineTo(-0.15, 0.5);
  p.moveTo(-0.75, 0);
  p.lineTo(-0.15, 0);
  // A
  p.moveTo(0.15, 0.5);
  p.lineTo(0.45, -0.5);
  p.lineTo(0.75, 0.5);
  p.moveTo(0.26, 0.18);
  p.lineTo(0.64, 0.18);
  return p;
})();

/** Draws "HA" `s` px tall at (x, y). */
export function haText(
  ctx: SKRSContext2D,
  x: number,
  y: number,
  s: number,
  colour = '#ff9d2e',
  alpha = 1,
  rotation = 0,
): void {
  local(ctx, x, y, rotation, s, alpha, () => outlinedStroke(ctx, HA, colour, 0.2, Math.min(0.12, 1.3 / s)));
}

const CHECK = (() => {
  const p = new Path2D();
  p.moveTo(-0.45, 0.02);
  p.lineTo(-0.12, 0.36);
  p.lineTo(0.48, -0.36);
  return p;
})();

/** Draws a check mark `s` px tall at (x, y). */
export function checkMark(
  ctx: SKRSContext2D,
  x: number,
  y: number,
  s: number,
  colour = '#3ccf6e',
  alpha = 1,
): void {
  local(ctx, x, y, 0, s, alpha, () => outlinedStroke(ctx, CHECK, colour, 0.22, Math.min(0.12, 1.3 / s)));
}

const CROSS = (() => {
  const p = new Path2D();
  p.moveTo(-0.38, -0.38);
  p.lineTo(0.38, 0.38);
  p.moveTo(0.38, -0.38);
  p.lineTo(-0.38, 0.38);
  return p;
})();

/** Draws a cross `s` px tall at (x, y). */
export function crossMark(
  ctx: SKRSContext2D,
  x: number,
  y: number,
  s: number,
  colour = '#ff4d5e',
  alpha = 1,
): void {
  local(ctx, x, y, 0, s, alpha, () => outlinedStroke(ctx, CROSS, colour, 0.24, Math.min(0.12, 1.3 / s)));
}

/** Draws a little "puff" of steam or dust: three ink-outlined circles, `s` px wide. */
export function puff(
  ctx: SKRSContext2D,
  x: number,
  y: number,
  s: number,
  alpha = 1,
  colour = '#ffffff',
): void {
  local(ctx, x, y, 0, s, alpha, () => {
    ctx.fillStyle = colour;
    ctx.strokeStyle = INK;
    ctx.lineWidth = Math.min(0.1, 1.2 / s);
    for (const [cx, cy, r] of [
      [-0.22, 0.08, 0.22],
      [0.05, -0.12, 0.28],
      [0.28, 0.1, 0.2],
    ] as const) {
      ctx.beginPath();
      ctx.arc(cx, cy, r, 0, Math.PI * 2);
      ctx.fill();
      ctx.stroke();
    }
  });
}
