/** Draws PopCon's built-in characters from code, so a user without an image can still make a set. */
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { RgbaImage } from '../../domain/image.ts';
import { canvasToImage } from '../raster.ts';
import { drawBear } from './bear.ts';
import { drawBlob } from './blob.ts';
import { drawCat } from './cat.ts';
import { OUTLINE, type Palette, paletteFor } from './style.ts';

const DRAWERS: Readonly<Record<string, (ctx: SKRSContext2D, pal: Palette) => void>> = {
  blob: drawBlob,
  cat: drawCat,
  bear: drawBear,
};

/** Ids of the characters the engine can draw. */
export function listCharacters(): string[] {
  return Object.keys(DRAWERS);
}

/** Draws a built-in character with body `color` (`#rrggbb`) on a transparent `size`×`size` canvas. */
export function drawCharacter(id: string, color: string, size: number): RgbaImage {
  const draw = Object.hasOwn(DRAWERS, id) ? DRAWERS[id] : undefined;
  if (!draw) throw new Error(`unknown character: ${id}`);
  if (!Number.isInteger(size) || size < 16)
    throw new Error(`character size must be an integer ≥ 16, got ${size}`);
  const pal = paletteFor(color);
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext('2d');
  ctx.scale(size / 100, size / 100);
  // Parts are laid out on their outline's centre line: lift by half an outline so the
  // outer edge of the feet, not the line's middle, sits on the baseline.
  ctx.translate(0, -OUTLINE / 2);
  // Drawn art spans 19.5–94 units; shrink about the feet so the head clears the 22% headroom.
  ctx.translate(50, 94);
  ctx.scale(0.96, 0.96);
  ctx.translate(-50, -94);
  draw(ctx, pal);
  return canvasToImage(canvas);
}
