/**
 * The shared look of the built-in characters: palette derivation, outlined and
 * shaded parts, and the face features every character shares. Characters are drawn
 * in a 100×100 unit space (scaled to the canvas), feet on y = 94, head top near y = 22,
 * so they match the layout `normalizeCutout` gives uploaded characters.
 */
import type { Path2D, SKRSContext2D } from '@napi-rs/canvas';
import { luma, mix, saturation, withAlpha } from '../color.ts';

/** Outline width: 3% of the canvas, the family's signature thick line. */
export const OUTLINE = 3;

export interface Palette {
  body: string;
  light: string;
  shade: string;
  outline: string;
  belly: string;
  inner: string;
  blush: string;
  eye: string;
  /** Dark bodies need a light rim around the eyes or the eyes disappear. */
  eyeRim: string | undefined;
  /** Very light, unsaturated bodies (snow, panda) where "lighter" shades would vanish. */
  pale: boolean;
}

/** Derives every shade a character needs from its one body colour. */
export function paletteFor(body: string): Palette {
  const l = luma(body);
  const pale = l > 0.86 && saturation(body) < 0.35;
  return {
    body,
    light: mix(body, '#ffffff', 0.45),
    shade: mix(body, '#3b2350', 0.28),
    outline: mix('#2e2233', body, 0.12),
    belly: pale ? mix(body, '#f3dcc8', 0.55) : mix(body, '#fff8f0', 0.58),
    inner: mix('#ff9db4', body, 0.3),
    blush: '#ff6f91',
    eye: '#2b2130',
    eyeRim: l < 0.32 ? '#fff6ee' : undefined,
    pale,
  };
}

/** Fills a part with a soft top-left light and bottom-right shade, then outlines it. */
export function shadedPart(
  ctx: SKRSContext2D,
  path: Path2D,
  pal: Palette,
  box: { x: number; y: number; w: number; h: number },
  base = pal.body,
): void {
  const g = ctx.createRadialGradient(
    box.x + box.w * 0.35,
    box.y + box.h * 0.28,
    Math.min(box.w, box.h) * 0.05,
    box.x + box.w * 0.5,
    box.y + box.h * 0.5,
    Math.max(box.w, box.h) * 0.72,
  );
  g.addColorStop(0, mix(base, '#ffffff', 0.28));
  g.addColorStop(0.55, base);
  g.addColorStop(1, mix(base, '#3b2350', 0.22));
  ctx.fillStyle = g;
  ctx.fill(path);
  outline(ctx, path, pal);
}

/** Fills a part flat, then outlines it. */
export function flatPart(
  ctx: SKRSContext2D,
  path: Path2D,
  fill: string,
  pal: Palette,
  width = OUTLINE,
): void {
  ctx.fillStyle = fill;
  ctx.fill(path);
  outline(ctx, path, pal, width);
}

/** Strokes a path with the family outline. */
export function outline(ctx: SKRSContext2D, path: Path2D, pal: Palette, width = OUTLINE): void {
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  ctx.lineWidth = width;
  ctx.strokeStyle = pal.outline;
  ctx.stroke(path);
}

/** Soft pink cheek. */
export function blush(ctx: SKRSContext2D, x: number, y: number, pal: Palette, rx = 4.6, ry = 2.7): void {
  const g = ctx.createRadialGradient(x, y, 0, x, y, rx);
  g.addColorStop(0, withAlpha(pal.blush, 0.62));
  g.addColorStop(0.65, withAlpha(pal.blush, 0.42));
  g.addColorStop(1, withAlpha(pal.blush, 0));
  ctx.save();
  ctx.translate(x, y);
  ctx.scale(1, ry / rx);
  ctx.translate(-x, -y);
  ctx.fillStyle = g;
  ctx.beginPath();
  ctx.arc(x, y, rx, 0, Math.PI * 2);
  ctx.fill();
  ctx.restore();
}

/** Glossy highlight: a tilted translucent white ellipse. */
export function gloss(ctx: SKRSContext2D, x: number, y: number, rx: number, ry: number, tilt: number): void {
  ctx.beginPath();
  ctx.ellipse(x, y, rx, ry, tilt, 0, Math.PI * 2);
  ctx.fillStyle = 'rgba(255,255,255,0.55)';
  ctx.fill();
}
