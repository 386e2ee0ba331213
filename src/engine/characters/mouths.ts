/**
 * Mouths (and the chick's beak) of the built-in characters' expressions, in the
 * 100×100 character space, centred on the face's mouth point.
 */
import { Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import { inkLine } from './eyes.ts';
import type { Palette } from './style.ts';

/** The mouth shapes expressions are made of; `rest` is the character's own resting mouth. */
export type MouthKind =
  | 'rest'
  | 'smile'
  | 'open'
  | 'big'
  | 'frown'
  | 'wail'
  | 'o'
  | 'O'
  | 'pucker'
  | 'wavy'
  | 'grit'
  | 'flat'
  | 'hmm'
  | 'drool';

/** What a character's mouth looks like at rest. */
export type RestMouth = 'cat' | 'bear' | 'open' | 'wide';

const INSIDE = '#6b2a3a';
const TONGUE = '#ff8fa3';

/** An open mouth: a dark shape with a tongue at the bottom, outlined. */
function cavity(
  ctx: SKRSContext2D,
  shape: Path2D,
  pal: Palette,
  tongue: { x: number; y: number; r: number },
) {
  ctx.fillStyle = INSIDE;
  ctx.fill(shape);
  ctx.save();
  ctx.clip(shape);
  ctx.beginPath();
  ctx.ellipse(tongue.x, tongue.y, tongue.r, tongue.r * 0.8, 0, 0, Math.PI * 2);
  ctx.fillStyle = TONGUE;
  ctx.fill();
  ctx.restore();
  ctx.lineJoin = 'round';
  ctx.lineWidth = 1.3;
  ctx.strokeStyle = pal.outline;
  ctx.stroke(shape);
}

/** A "D" mouth `w` wide and `h` deep hanging from (x, y). */
function dMouth(x: number, y: number, w: number, h: number): Path2D {
  const p = new Path2D();
  p.moveTo(x - w / 2, y);
  p.quadraticCurveTo(x, y - h * 0.12, x + w / 2, y);
  p.bezierCurveTo(x + w / 2, y + h * 0.75, x + w * 0.25, y + h, x, y + h);
  p.bezierCurveTo(x - w * 0.25, y + h, x - w / 2, y + h * 0.75, x - w / 2, y);
  p.closePath();
  return p;
}

function restMouth(
  ctx: SKRSContext2D,
  rest: RestMouth,
  x: number,
  y: number,
  w: number,
  pal: Palette,
  rim?: string,
) {
  const p = new Path2D();
  switch (rest) {
    case 'cat':
    case 'bear':
      // "ω" under the nose; the bear's starts with a short philtrum line.
      if (rest === 'bear') {
        p.moveTo(x, y - 2);
        p.lineTo(x, y);
      }
      p.moveTo(x - w * 0.55, y - 0.4);
      p.quadraticCurveTo(x - w * 0.28, y + 2.8, x, y);
      p.quadraticCurveTo(x + w * 0.28, y + 2.8, x + w * 0.55, y - 0.4);
      inkLine(ctx, p, pal, rim, 1.45);
      return;
    case 'open':
      cavity(ctx, dMouth(x, y, w, w * 0.75), pal, { x, y: y + w * 0.78, r: w * 0.32 });
      return;
    case 'wide':
      p.moveTo(x - w / 2, y - 1);
      p.quadraticCurveTo(x, y + w * 0.32, x + w / 2, y - 1);
      inkLine(ctx, p, pal, rim);
      return;
  }
}

/** Draws a mouth of `kind` at (x, y), `w` units wide. */
export function drawMouth(
  ctx: SKRSContext2D,
  kind: MouthKind,
  rest: RestMouth,
  x: number,
  y: number,
  w: number,
  pal: Palette,
  rim: string | undefined,
): void {
  const p = new Path2D();
  switch (kind) {
    case 'rest':
      restMouth(ctx, rest, x, y, w, pal, rim);
      return;
    case 'smile':
      p.moveTo(x - w * 0.45, y);
      p.quadraticCurveTo(x, y + w * 0.5, x + w * 0.45, y);
      inkLine(ctx, p, pal, rim);
      return;
    case 'open':
      cavity(ctx, dMouth(x, y, w, w * 0.72), pal, { x, y: y + w * 0.78, r: w * 0.3 });
      return;
    case 'big':
      cavity(ctx, dMouth(x, y - 0.5, w * 1.35, w * 1.05), pal, { x, y: y + w * 1.05, r: w * 0.42 });
      return;
    case 'frown':
      p.moveTo(x - w * 0.42, y + w * 0.34);
      p.quadraticCurveTo(x, y - w * 0.16, x + w * 0.42, y + w * 0.34);
      inkLine(ctx, p, pal, rim);
      return;
    case 'wail': {
      // An open frown: flat-ish bottom, arched top.
      p.moveTo(x - w * 0.6, y + w * 0.75);
      p.bezierCurveTo(x - w * 0.55, y - w * 0.1, x + w * 0.55, y - w * 0.1, x + w * 0.6, y + w * 0.75);
      p.quadraticCurveTo(x, y + w * 0.6, x - w * 0.6, y + w * 0.75);
      p.closePath();
      cavity(ctx, p, pal, { x, y: y + w * 0.78, r: w * 0.3 });
      return;
    }
    case 'o':
    case 'O': {
      const big = kind === 'O';
      p.ellipse(
        x,
        y + w * (big ? 0.4 : 0.25),
        w * (big ? 0.36 : 0.22),
        w * (big ? 0.46 : 0.26),
        0,
        0,
        Math.PI * 2,
      );
      cavity(ctx, p, pal, { x, y: y + w * (big ? 0.85 : 0.5), r: w * 0.2 });
      return;
    }
    case 'pucker':
      // A sideways "3", pointing at whoever gets the kiss.
      p.moveTo(x - w * 0.1, y - w * 0.1);
      p.quadraticCurveTo(x + w * 0.38, y - w * 0.05, x + w * 0.02, y + w * 0.2);
      p.quadraticCurveTo(x + w * 0.38, y + w * 0.45, x - w * 0.1, y + w * 0.5);
      inkLine(ctx, p, pal, rim, 1.6);
      return;
    case 'wavy':
      p.moveTo(x - w * 0.55, y + w * 0.18);
      for (let i = 1; i <= 4; i++) {
        p.quadraticCurveTo(
          x - w * 0.55 + (i - 0.5) * w * 0.275,
          y + (i % 2 ? -1 : 1) * w * 0.16 + w * 0.18,
          x - w * 0.55 + i * w * 0.275,
          y + w * 0.18,
        );
      }
      inkLine(ctx, p, pal, rim, 1.5);
      return;
    case 'grit': {
      const shape = new Path2D();
      shape.roundRect(x - w * 0.5, y, w, w * 0.5, w * 0.16);
      ctx.fillStyle = '#ffffff';
      ctx.fill(shape);
      const teeth = new Path2D();
      teeth.moveTo(x - w * 0.5, y + w * 0.25);
      teeth.lineTo(x + w * 0.5, y + w * 0.25);
      for (const f of [-0.18, 0.18]) {
        teeth.moveTo(x + f * w, y);
        teeth.lineTo(x + f * w, y + w * 0.5);
      }
      inkLine(ctx, teeth, pal, undefined, 0.9);
      inkLine(ctx, shape, pal, rim, 1.3);
      return;
    }
    case 'flat':
      p.moveTo(x - w * 0.32, y + w * 0.15);
      p.lineTo(x + w * 0.32, y + w * 0.15);
      inkLine(ctx, p, pal, rim);
      return;
    case 'hmm':
      p.moveTo(x - w * 0.35, y + w * 0.22);
      p.quadraticCurveTo(x, y + w * 0.05, x + w * 0.35, y + w * 0.08);
      inkLine(ctx, p, pal, rim);
      return;
    case 'drool':
      cavity(ctx, dMouth(x, y, w * 0.9, w * 0.62), pal, { x, y: y + w * 0.7, r: w * 0.26 });
      ctx.beginPath();
      ctx.ellipse(x + w * 0.42, y + w * 0.55, w * 0.14, w * 0.22, 0, 0, Math.PI * 2);
      ctx.fillStyle = '#aee0ff';
      ctx.fill();
      ctx.lineWidth = 0.8;
      ctx.strokeStyle = pal.outline;
      ctx.stroke();
      return;
  }
}

/** How far a beak opens for a mouth: the chick's face has no lips, so it talks with its beak. */
function beakOpening(kind: MouthKind): number {
  if (kind === 'big' || kind === 'wail' || kind === 'O') return 1;
  if (kind === 'open' || kind === 'o' || kind === 'drool') return 0.55;
  return 0;
}

/** The chick's beak at (x, y), `w` wide, opened as far as `kind` needs. */
export function drawBeak(
  ctx: SKRSContext2D,
  kind: MouthKind,
  x: number,
  y: number,
  w: number,
  pal: Palette,
): void {
  const gap = beakOpening(kind) * w * 0.6;
  const upper = new Path2D();
  upper.moveTo(x - w / 2, y);
  upper.quadraticCurveTo(x, y - w * 0.32, x + w / 2, y);
  upper.quadraticCurveTo(x + w * 0.12, y + w * 0.36, x, y + w * 0.42);
  upper.quadraticCurveTo(x - w * 0.12, y + w * 0.36, x - w / 2, y);
  upper.closePath();
  const lower = new Path2D();
  const top = y + w * 0.16 + gap;
  lower.moveTo(x - w * 0.34, top);
  lower.quadraticCurveTo(x, top - w * 0.1, x + w * 0.34, top);
  lower.quadraticCurveTo(x, top + w * 0.5, x - w * 0.34, top);
  lower.closePath();
  if (gap > 0) {
    ctx.beginPath();
    ctx.ellipse(x, y + w * 0.2 + gap * 0.5, w * 0.3, gap * 0.5 + w * 0.12, 0, 0, Math.PI * 2);
    ctx.fillStyle = INSIDE;
    ctx.fill();
    ctx.lineWidth = 1.1;
    ctx.strokeStyle = pal.outline;
    ctx.stroke();
  }
  for (const [part, fill] of [
    [lower, '#f08a2a'],
    [upper, '#ffab3d'],
  ] as const) {
    ctx.fillStyle = fill;
    ctx.fill(part);
    ctx.lineJoin = 'round';
    ctx.lineWidth = 1.3;
    ctx.strokeStyle = pal.outline;
    ctx.stroke(part);
  }
  if (kind === 'drool') {
    ctx.beginPath();
    ctx.ellipse(x + w * 0.36, top + w * 0.35, w * 0.11, w * 0.18, 0, 0, Math.PI * 2);
    ctx.fillStyle = '#aee0ff';
    ctx.fill();
  }
}
