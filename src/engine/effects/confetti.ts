/** Party effects: confetti pieces, curly streamers and a party hat. */
import { Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import { mix } from '../color.ts';
import { INK, local } from './ink.ts';

/** Bright colours that read on both light and dark chat backgrounds. */
export const PARTY_COLOURS = ['#ff5c8a', '#ffcc33', '#3ccf9e', '#4aa8ff', '#b07cff', '#ff8a3d'] as const;

/**
 * Draws one confetti piece of size `s` at (x, y). `flip` in [−1, 1] is its spin:
 * the piece is squashed across, as a paper square turning in the air is.
 */
export function confetti(
  ctx: SKRSContext2D,
  x: number,
  y: number,
  s: number,
  colour: string,
  rotation: number,
  flip: number,
  round: boolean,
  alpha = 1,
): void {
  local(ctx, x, y, rotation, s, alpha, () => {
    ctx.scale(1, Math.max(0.15, Math.abs(flip)));
    ctx.fillStyle = colour;
    ctx.beginPath();
    if (round) ctx.arc(0, 0, 0.5, 0, Math.PI * 2);
    else ctx.rect(-0.5, -0.3, 1, 0.6);
    ctx.fill();
  });
}

/** Draws a curly streamer hanging from (x, y): a wavy ribbon `len` px long. */
export function streamer(
  ctx: SKRSContext2D,
  x: number,
  y: number,
  len: number,
  colour: string,
  phase: number,
  width: number,
  alpha = 1,
): void {
  if (alpha <= 0.004) return;
  const path = new Path2D();
  const steps = 18;
  for (let i = 0; i <= steps; i++) {
    const u = i / steps;
    const px = x + Math.sin(u * Math.PI * 3 + phase) * len * 0.12 * u;
    const py = y + u * len;
    if (i === 0) path.moveTo(px, py);
    else path.lineTo(px, py);
  }
  ctx.save();
  ctx.globalAlpha *= alpha;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.strokeStyle = mix(colour, INK, 0.45);
  ctx.lineWidth = width + 1.2;
  ctx.stroke(path);
  ctx.strokeStyle = colour;
  ctx.lineWidth = width;
  ctx.stroke(path);
  ctx.restore();
}

/** Draws a striped party hat `h` px tall standing on (x, y), tilted by `rotation`. */
export function partyHat(
  ctx: SKRSContext2D,
  x: number,
  y: number,
  h: number,
  colour: string,
  rotation: number,
): void {
  local(ctx, x, y, rotation, h, 1, () => {
    const cone = new Path2D();
    cone.moveTo(-0.36, 0);
    cone.quadraticCurveTo(0, 0.1, 0.36, 0);
    cone.lineTo(0, -1);
    cone.closePath();
    ctx.fillStyle = colour;
    ctx.fill(cone);
    ctx.save();
    ctx.clip(cone);
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 0.1;
    for (const s of [-0.75, -0.45, -0.15]) {
      ctx.beginPath();
      ctx.moveTo(-0.5, s + 0.25);
      ctx.lineTo(0.5, s - 0.15);
      ctx.stroke();
    }
    ctx.restore();
    ctx.lineJoin = 'round';
    ctx.lineWidth = Math.min(0.08, 1.5 / h);
    ctx.strokeStyle = INK;
    ctx.stroke(cone);
    ctx.beginPath();
    ctx.arc(0, -1, 0.13, 0, Math.PI * 2);
    ctx.fillStyle = '#ffcc33';
    ctx.fill();
    ctx.stroke();
  });
}
