/**
 * The effects' shared look: the same dark ink as the characters' outlines, and
 * the "outline the union" trick for shapes built from several pieces.
 */
import type { Path2D, SKRSContext2D } from '@napi-rs/canvas';

/** Outline colour of every effect; matches the built-in characters' outline family. */
export const INK = '#2e2233';

/** Fills `paths` with one clean outer outline: stroke all at double width, then fill all on top. */
export function outlinedUnion(ctx: SKRSContext2D, paths: Path2D[], fill: string, lineWidth: number): void {
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  ctx.strokeStyle = INK;
  ctx.lineWidth = lineWidth * 2;
  for (const p of paths) ctx.stroke(p);
  ctx.fillStyle = fill;
  for (const p of paths) ctx.fill(p);
}

/** Strokes a centre-line path as a thick coloured line with an ink outline around it. */
export function outlinedStroke(
  ctx: SKRSContext2D,
  path: Path2D,
  colour: string,
  width: number,
  outline: number,
): void {
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  ctx.strokeStyle = INK;
  ctx.lineWidth = width + outline * 2;
  ctx.stroke(path);
  ctx.strokeStyle = colour;
  ctx.lineWidth = width;
  ctx.stroke(path);
}

/** Runs `draw` in a local frame at (x, y), rotated and uniformly scaled, with the given opacity. */
export function local(
  ctx: SKRSContext2D,
  x: number,
  y: number,
  rotation: number,
  scale: number,
  alpha: number,
  draw: () => void,
): void {
  if (alpha <= 0.004 || scale <= 0.001) return;
  ctx.save();
  ctx.translate(x, y);
  ctx.rotate(rotation);
  ctx.scale(scale, scale);
  ctx.globalAlpha *= Math.min(1, alpha);
  draw();
  ctx.restore();
}
