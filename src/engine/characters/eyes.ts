/**
 * Eyes and brows of the built-in characters' expressions, in the 100×100 character
 * space. Lines are thick (1.8 units ≈ 2.5 px at 128 px) so a face still reads after
 * the encoders downscale it.
 */
import { Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import type { Palette } from './style.ts';

/** The eye shapes expressions are made of. */
export type EyeKind =
  | 'open'
  | 'up'
  | 'happy'
  | 'shut'
  | 'line'
  | 'squeeze'
  | 'heart'
  | 'star'
  | 'wide'
  | 'blank'
  | 'teary'
  | 'half'
  | 'cry';

/** Brows: none for calm faces, tilted for feelings. */
export type BrowKind = 'none' | 'sad' | 'angry' | 'raised' | 'quizzical' | 'firm';

/** Feature line width in character units. */
export const FEATURE = 1.8;

/** Strokes a feature line; on dark skin a light rim goes under it or it would vanish. */
export function inkLine(
  ctx: SKRSContext2D,
  path: Path2D,
  pal: Palette,
  rim: string | undefined,
  width = FEATURE,
) {
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  if (rim) {
    ctx.strokeStyle = rim;
    ctx.lineWidth = width + 1.8;
    ctx.stroke(path);
  }
  ctx.strokeStyle = pal.outline;
  ctx.lineWidth = width;
  ctx.stroke(path);
}

function disc(ctx: SKRSContext2D, x: number, y: number, r: number, fill: string): void {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.fillStyle = fill;
  ctx.fill();
}

/** The family's shiny eye: a dark oval with two catch-lights; `look` shifts the gaze. */
function shinyEye(ctx: SKRSContext2D, x: number, y: number, s: number, pal: Palette, rim?: string, look = 0) {
  const rx = 3 * s;
  const ry = 3.8 * s;
  if (rim) {
    ctx.beginPath();
    ctx.ellipse(x, y, rx + 1.1, ry + 1.1, 0, 0, Math.PI * 2);
    ctx.fillStyle = rim;
    ctx.fill();
  }
  ctx.beginPath();
  ctx.ellipse(x, y, rx, ry, 0, 0, Math.PI * 2);
  ctx.fillStyle = pal.eye;
  ctx.fill();
  // Looking up: the catch-lights ride higher and the lower one moves to the side.
  disc(ctx, x - rx * 0.32 + look * rx * 0.2, y - ry * (0.38 + 0.12 * look), rx * 0.42, '#ffffff');
  disc(ctx, x + rx * 0.36, y + ry * (0.35 - 0.5 * look), rx * 0.2, '#ffffff');
}

const HEART = new Path2D(
  'M 0 0.9 C -0.3 0.6 -1 0.2 -1 -0.3 C -1 -0.8 -0.4 -1 0 -0.5 C 0.4 -1 1 -0.8 1 -0.3 C 1 0.2 0.3 0.6 0 0.9 Z',
);

function star(cx: number, cy: number, r: number): Path2D {
  const p = new Path2D();
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 === 0 ? r : r * 0.48;
    if (i === 0) p.moveTo(cx + Math.cos(a) * rr, cy + Math.sin(a) * rr);
    else p.lineTo(cx + Math.cos(a) * rr, cy + Math.sin(a) * rr);
  }
  p.closePath();
  return p;
}

/** Draws one eye of `kind` centred at (x, y); `side` is −1 for the left eye, +1 for the right. */
export function drawEye(
  ctx: SKRSContext2D,
  kind: EyeKind,
  x: number,
  y: number,
  s: number,
  side: number,
  pal: Palette,
  rim: string | undefined,
): void {
  const rx = 3 * s;
  const ry = 3.8 * s;
  const p = new Path2D();
  switch (kind) {
    case 'open':
      shinyEye(ctx, x, y, s, pal, rim);
      return;
    case 'up':
      shinyEye(ctx, x + side * 0.3 * s, y - 0.5 * s, s, pal, rim, 1);
      return;
    case 'happy':
      p.moveTo(x - rx * 1.15, y + ry * 0.35);
      p.quadraticCurveTo(x, y - ry * 1.05, x + rx * 1.15, y + ry * 0.35);
      inkLine(ctx, p, pal, rim, FEATURE * 1.1);
      return;
    case 'shut':
      p.moveTo(x - rx * 1.15, y - ry * 0.05);
      p.quadraticCurveTo(x, y + ry * 0.85, x + rx * 1.15, y - ry * 0.05);
      inkLine(ctx, p, pal, rim, FEATURE * 1.1);
      return;
    case 'line':
      p.moveTo(x - rx * 1.1, y + ry * 0.1);
      p.quadraticCurveTo(x, y + ry * 0.35, x + rx * 1.1, y + ry * 0.1);
      inkLine(ctx, p, pal, rim, FEATURE * 1.1);
      return;
    case 'squeeze': {
      // ">" on the left eye and "<" on the right: both point at the nose.
      const tip = x - side * rx * 0.95;
      const back = x + side * rx * 1.05;
      p.moveTo(back, y - ry * 0.75);
      p.lineTo(tip, y);
      p.lineTo(back, y + ry * 0.75);
      inkLine(ctx, p, pal, rim, FEATURE * 1.15);
      return;
    }
    case 'cry': {
      // "T T": a shut lid with a stream of tears running down from it.
      ctx.beginPath();
      ctx.roundRect(x - rx * 0.55, y, rx * 1.1, ry * 2.6, rx * 0.5);
      ctx.fillStyle = '#7cc8ff';
      ctx.fill();
      ctx.lineWidth = 0.9;
      ctx.strokeStyle = '#3a8fd9';
      ctx.stroke();
      p.moveTo(x - rx * 1.25, y + ry * 0.05);
      p.quadraticCurveTo(x, y - ry * 0.35, x + rx * 1.25, y + ry * 0.05);
      inkLine(ctx, p, pal, rim, FEATURE * 1.15);
      return;
    }
    case 'heart':
      ctx.save();
      ctx.translate(x, y);
      ctx.scale(rx * 1.45, rx * 1.45);
      if (rim) {
        ctx.lineWidth = 2.4 / (rx * 1.45);
        ctx.strokeStyle = rim;
        ctx.stroke(HEART);
      }
      ctx.fillStyle = '#ff3f77';
      ctx.fill(HEART);
      ctx.lineWidth = 1.1 / (rx * 1.45);
      ctx.lineJoin = 'round';
      ctx.strokeStyle = pal.outline;
      ctx.stroke(HEART);
      disc(ctx, -0.45, -0.35, 0.2, '#ffffff');
      ctx.restore();
      return;
    case 'star': {
      const path = star(x, y, rx * 1.6);
      ctx.fillStyle = '#ffd23f';
      ctx.fill(path);
      inkLine(ctx, path, pal, rim, 1.1);
      disc(ctx, x - rx * 0.3, y - ry * 0.2, rx * 0.28, '#ffffff');
      return;
    }
    case 'wide':
    case 'blank':
      ctx.beginPath();
      ctx.ellipse(x, y, rx * 1.2, ry * 1.1, 0, 0, Math.PI * 2);
      ctx.fillStyle = '#ffffff';
      ctx.fill();
      ctx.lineWidth = 1.2;
      ctx.strokeStyle = pal.outline;
      ctx.stroke();
      if (kind === 'blank') {
        disc(ctx, x, y, rx * 0.22, pal.eye);
        return;
      }
      disc(ctx, x, y + ry * 0.05, rx * 0.62, pal.eye);
      disc(ctx, x - rx * 0.22, y - ry * 0.18, rx * 0.22, '#ffffff');
      return;
    case 'teary':
      shinyEye(ctx, x, y, s * 1.08, pal, rim);
      ctx.save();
      ctx.beginPath();
      ctx.ellipse(x, y, rx * 1.08, ry * 1.08, 0, 0, Math.PI * 2);
      ctx.clip();
      ctx.fillStyle = 'rgba(124,200,255,0.75)';
      ctx.fillRect(x - rx * 2, y + ry * 0.3, rx * 4, ry * 2);
      ctx.restore();
      disc(ctx, x + side * rx * 0.9, y + ry * 1.05, rx * 0.38, '#9ad6ff');
      return;
    case 'half':
      ctx.save();
      ctx.beginPath();
      ctx.rect(x - rx * 2, y - ry * 0.05, rx * 4, ry * 2);
      ctx.clip();
      shinyEye(ctx, x, y, s, pal, rim);
      ctx.restore();
      p.moveTo(x - rx * 1.2, y - ry * 0.05);
      p.lineTo(x + rx * 1.2, y - ry * 0.05);
      inkLine(ctx, p, pal, rim, FEATURE);
      return;
  }
}

/** Draws the brow above an eye at (x, y); `side` is −1 for the left eye, +1 for the right. */
export function drawBrow(
  ctx: SKRSContext2D,
  kind: BrowKind,
  x: number,
  y: number,
  s: number,
  side: number,
  pal: Palette,
  rim: string | undefined,
): void {
  if (kind === 'none') return;
  const ry = 3.8 * s;
  const base = y - ry - 2.6 * s;
  const half = 3.2 * s;
  const inner = x - side * half;
  const outer = x + side * half;
  const p = new Path2D();
  switch (kind) {
    case 'sad':
      p.moveTo(outer, base + 0.6 * s);
      p.quadraticCurveTo(x, base - 0.2 * s, inner, base - 1.8 * s);
      break;
    case 'angry':
    case 'firm': {
      const drop = kind === 'angry' ? 2.6 : 1.4;
      p.moveTo(outer, base - drop * 0.55 * s);
      p.lineTo(inner, base + drop * 0.55 * s);
      break;
    }
    case 'raised':
      p.moveTo(outer, base - 0.4 * s);
      p.quadraticCurveTo(x, base - 2.6 * s, inner, base - 0.6 * s);
      break;
    case 'quizzical':
      if (side < 0) {
        p.moveTo(outer, base - 0.6 * s);
        p.quadraticCurveTo(x, base - 3.2 * s, inner, base - 1.2 * s);
      } else {
        p.moveTo(inner, base + 0.4 * s);
        p.lineTo(outer, base + 0.2 * s);
      }
      break;
  }
  inkLine(ctx, p, pal, rim, FEATURE * (kind === 'angry' ? 1.25 : 1));
}
