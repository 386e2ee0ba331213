/** Props drawn next to or on the character: a nightcap and a rice ball. */
import { Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import { mix } from '../color.ts';
import { INK, local } from './ink.ts';

/** A floppy nightcap, unit wide at its rim (y = 0), flopping over to the right. */
const CAP = (() => {
  const p = new Path2D();
  p.moveTo(-0.5, 0);
  p.bezierCurveTo(-0.5, -0.7, 0.1, -1.05, 0.6, -0.78);
  p.bezierCurveTo(0.8, -0.66, 0.82, -0.42, 0.78, -0.3);
  p.bezierCurveTo(0.6, -0.55, 0.3, -0.6, 0.5, 0);
  p.closePath();
  return p;
})();

/** Draws a nightcap `w` px wide whose rim is centred at (x, y), tilted by `rotation`. */
export function nightcap(
  ctx: SKRSContext2D,
  x: number,
  y: number,
  w: number,
  colour: string,
  rotation: number,
): void {
  local(ctx, x, y, rotation, w, 1, () => {
    const o = Math.min(0.06, 1.5 / w);
    ctx.lineJoin = 'round';
    ctx.lineWidth = o;
    ctx.strokeStyle = INK;
    ctx.fillStyle = colour;
    ctx.fill(CAP);
    ctx.save();
    ctx.clip(CAP);
    ctx.strokeStyle = mix(colour, '#ffffff', 0.55);
    ctx.lineWidth = 0.09;
    for (const s of [-0.75, -0.45, -0.15]) {
      ctx.beginPath();
      ctx.moveTo(-0.6, s + 0.3);
      ctx.lineTo(0.9, s - 0.3);
      ctx.stroke();
    }
    ctx.restore();
    ctx.lineWidth = o;
    ctx.strokeStyle = INK;
    ctx.stroke(CAP);
    ctx.beginPath();
    ctx.roundRect(-0.58, -0.12, 1.16, 0.22, 0.11);
    ctx.fillStyle = '#ffffff';
    ctx.fill();
    ctx.stroke();
    ctx.beginPath();
    ctx.arc(0.8, -0.24, 0.14, 0, Math.PI * 2);
    ctx.fillStyle = '#ffffff';
    ctx.fill();
    ctx.stroke();
  });
}

const RICE = (() => {
  const p = new Path2D();
  p.moveTo(0, -0.48);
  p.bezierCurveTo(0.14, -0.48, 0.5, 0.1, 0.5, 0.26);
  p.bezierCurveTo(0.5, 0.4, 0.4, 0.44, 0.3, 0.44);
  p.lineTo(-0.3, 0.44);
  p.bezierCurveTo(-0.4, 0.44, -0.5, 0.4, -0.5, 0.26);
  p.bezierCurveTo(-0.5, 0.1, -0.14, -0.48, 0, -0.48);
  p.closePath();
  return p;
})();

/** Draws a rice ball (onigiri) `s` px wide at (x, y). */
export function riceBall(ctx: SKRSContext2D, x: number, y: number, s: number, rotation = 0): void {
  local(ctx, x, y, rotation, s, 1, () => {
    ctx.fillStyle = '#ffffff';
    ctx.fill(RICE);
    ctx.save();
    ctx.clip(RICE);
    ctx.fillStyle = '#2f4a3a';
    ctx.fillRect(-0.2, 0.08, 0.4, 0.5);
    ctx.restore();
    ctx.lineJoin = 'round';
    ctx.lineWidth = Math.min(0.08, 1.4 / s);
    ctx.strokeStyle = INK;
    ctx.stroke(RICE);
  });
}
