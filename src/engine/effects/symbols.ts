/** Symbols drawn as vectors: "?", music notes, a five-point star and a crescent moon. */
import { Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import { INK, local, outlinedStroke } from './ink.ts';

/** The hook of a "?" (unit height, centred); its dot is drawn apart. */
const HOOK = (() => {
  const p = new Path2D();
  p.moveTo(-0.24, -0.2);
  p.bezierCurveTo(-0.24, -0.55, 0.27, -0.56, 0.27, -0.25);
  p.bezierCurveTo(0.27, -0.04, 0.02, -0.02, 0.02, 0.16);
  return p;
})();

/** Draws a "?" `h` px tall at (x, y). */
export function question(
  ctx: SKRSContext2D,
  x: number,
  y: number,
  h: number,
  colour: string,
  alpha = 1,
  rotation = 0,
): void {
  local(ctx, x, y, rotation, h, alpha, () => {
    const o = Math.min(0.09, 1.4 / h);
    outlinedStroke(ctx, HOOK, colour, 0.17, o);
    ctx.beginPath();
    ctx.arc(0.02, 0.39, 0.1, 0, Math.PI * 2);
    ctx.fillStyle = colour;
    ctx.fill();
    ctx.lineWidth = o * 1.6;
    ctx.strokeStyle = INK;
    ctx.stroke();
  });
}

/** A ♪ (one note) or a ♫ (two beamed notes), unit height, centred. */
function notePaths(double: boolean): { heads: Path2D; lines: Path2D } {
  const heads = new Path2D();
  const lines = new Path2D();
  const xs = double ? [-0.3, 0.22] : [-0.08];
  for (const x of xs) {
    heads.ellipse(x - 0.12, 0.32, 0.17, 0.12, -0.45, 0, Math.PI * 2);
    lines.moveTo(x + 0.03, 0.3);
    lines.lineTo(x + 0.03, -0.42);
  }
  if (double) {
    lines.moveTo(xs[0] + 0.03, -0.42);
    lines.lineTo(xs[1] + 0.03, -0.5);
  } else {
    lines.moveTo(xs[0] + 0.03, -0.42);
    lines.quadraticCurveTo(xs[0] + 0.32, -0.3, xs[0] + 0.26, -0.05);
  }
  return { heads, lines };
}

const NOTES = [notePaths(false), notePaths(true)];

/** Draws a music note `h` px tall at (x, y): a ♪, or a ♫ when `double`. */
export function musicNote(
  ctx: SKRSContext2D,
  x: number,
  y: number,
  h: number,
  colour: string,
  double: boolean,
  alpha = 1,
  rotation = 0,
): void {
  const { heads, lines } = NOTES[double ? 1 : 0];
  local(ctx, x, y, rotation, h, alpha, () => {
    const o = Math.min(0.08, 1.3 / h);
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = INK;
    ctx.lineWidth = 0.09 + 2 * o;
    ctx.stroke(lines);
    ctx.lineWidth = 2 * o;
    ctx.stroke(heads);
    ctx.strokeStyle = colour;
    ctx.lineWidth = 0.09;
    ctx.stroke(lines);
    ctx.fillStyle = colour;
    ctx.fill(heads);
  });
}

const STAR = (() => {
  const p = new Path2D();
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const r = i % 2 === 0 ? 0.5 : 0.24;
    if (i === 0) p.moveTo(Math.cos(a) * r, Math.sin(a) * r);
    else p.lineTo(Math.cos(a) * r, Math.sin(a) * r);
  }
  p.closePath();
  return p;
})();

/** Draws a chubby five-point star `s` px across at (x, y). */
export function star(
  ctx: SKRSContext2D,
  x: number,
  y: number,
  s: number,
  colour: string,
  alpha = 1,
  rotation = 0,
): void {
  local(ctx, x, y, rotation, s, alpha, () => {
    ctx.lineJoin = 'round';
    ctx.lineWidth = Math.min(0.12, 1.4 / s);
    ctx.strokeStyle = INK;
    ctx.stroke(STAR);
    ctx.fillStyle = colour;
    ctx.fill(STAR);
  });
}

/** The crescent between a unit circle and a smaller circle bitten out of its upper right. */
const CRESCENT = (() => {
  const [bx, by, br] = [0.42, -0.28, 0.82];
  // Where the two circles cross, from the standard circle-circle intersection.
  const d = Math.hypot(bx, by);
  const a = (1 - br * br + d * d) / (2 * d);
  const h = Math.sqrt(1 - a * a);
  const mx = (a * bx) / d;
  const my = (a * by) / d;
  const p1: [number, number] = [mx + (h * by) / d, my - (h * bx) / d];
  const p2: [number, number] = [mx - (h * by) / d, my + (h * bx) / d];
  const p = new Path2D();
  p.moveTo(...p1);
  // The long way round the moon's rim, then back along the inside of the bite.
  p.arc(0, 0, 1, Math.atan2(p1[1], p1[0]), Math.atan2(p2[1], p2[0]), true);
  p.arc(bx, by, br, Math.atan2(p2[1] - by, p2[0] - bx), Math.atan2(p1[1] - by, p1[0] - bx), false);
  p.closePath();
  return p;
})();

/** Draws a crescent moon of radius `r` at (x, y), horns to the upper right. */
export function moon(
  ctx: SKRSContext2D,
  x: number,
  y: number,
  r: number,
  colour: string,
  rotation = 0,
): void {
  local(ctx, x, y, rotation, r, 1, () => {
    ctx.lineJoin = 'round';
    ctx.lineWidth = Math.min(0.12, 1.5 / r);
    ctx.strokeStyle = INK;
    ctx.stroke(CRESCENT);
    ctx.fillStyle = colour;
    ctx.fill(CRESCENT);
  });
}
