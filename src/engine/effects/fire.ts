/** Flames for "fired up" moments: three nested tongues of fire that flicker in a loop. */
import { Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import { INK } from './ink.ts';

/** One flame, base on y = 0, unit wide, `height` tall, its tip leaning by `lean`. */
function flame(height: number, lean: number): Path2D {
  const p = new Path2D();
  p.moveTo(0, 0.02);
  p.bezierCurveTo(-0.62, 0.02, -0.58, -0.45 * height, -0.22, -0.7 * height);
  p.quadraticCurveTo(-0.1, -0.55 * height, -0.05, -0.62 * height);
  p.bezierCurveTo(0, -0.8 * height, 0.1 * lean, -0.9 * height, lean * 0.3, -height);
  p.bezierCurveTo(0.45 + lean * 0.2, -0.75 * height, 0.6, -0.35 * height, 0.5, -0.15 * height);
  p.bezierCurveTo(0.44, -0.02, 0.24, 0.02, 0, 0.02);
  p.closePath();
  return p;
}

/**
 * Draws a fire `w` px wide and about `h` px tall whose base is centred at (x, y).
 * `phase` (any number; a whole turn every 1.0) flickers the tips, so a loop of whole
 * turns is seamless.
 */
export function fire(
  ctx: SKRSContext2D,
  x: number,
  y: number,
  w: number,
  h: number,
  phase: number,
  colour = '#ff7a1a',
  alpha = 1,
): void {
  if (alpha <= 0.004 || w <= 1 || h <= 1) return;
  const wob = (k: number) => Math.sin(2 * Math.PI * (phase + k));
  // The flame path is about 1.45 units tall at its highest flicker: stretch it to `h`.
  const stretch = h / w / 1.45;
  ctx.save();
  ctx.translate(x, y);
  ctx.scale(w, w * stretch);
  ctx.globalAlpha *= Math.min(1, alpha);
  const outer = flame(1.35 + 0.1 * wob(0), 0.35 * wob(0.25));
  ctx.lineJoin = 'round';
  // Outline about 1.6 px whatever the stretch (a non-uniform scale squashes it a little).
  ctx.lineWidth = Math.min(0.08, 1.6 / w) * Math.max(1, 1 / stretch) ** 0.5;
  ctx.strokeStyle = INK;
  ctx.stroke(outer);
  ctx.fillStyle = colour;
  ctx.fill(outer);
  ctx.translate(0.02, 0);
  ctx.scale(0.66, 0.66);
  ctx.fillStyle = '#ffb02e';
  ctx.fill(flame(1.3 + 0.12 * wob(0.4), -0.3 * wob(0.6)));
  ctx.scale(0.6, 0.6);
  ctx.fillStyle = '#fff0a0';
  ctx.fill(flame(1.2 + 0.1 * wob(0.8), 0.3 * wob(0.1)));
  ctx.restore();
}
