/** Draws PopCon's built-in characters from code, so a user without an image can still make a set. */
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { RgbaImage } from '../../domain/image.ts';
import { canvasToImage } from '../raster.ts';
import { bear } from './bear.ts';
import { blob } from './blob.ts';
import { bunny } from './bunny.ts';
import { cat } from './cat.ts';
import { chick } from './chick.ts';
import { type CharacterArt, drawFace, EXPRESSIONS, type Expression, type FaceLayout } from './face.ts';
import { frog } from './frog.ts';
import { OUTLINE, type Palette, paletteFor } from './style.ts';

export { EXPRESSIONS, type Expression, type FaceLayout };

const ART: Readonly<Record<string, CharacterArt>> = { blob, cat, bear, bunny, chick, frog };

/** Drawn art spans about 17–94 units; shrinking by this about the feet keeps it inside the layout. */
const SHRINK = 0.96;

/** Ids of the characters the engine can draw. */
export function listCharacters(): string[] {
  return Object.keys(ART);
}

function artFor(id: string): CharacterArt {
  const art = Object.hasOwn(ART, id) ? ART[id] : undefined;
  if (!art) throw new Error(`unknown character: ${id}`);
  return art;
}

/** Maps a point of the 100×100 character space to a share (0..1) of the canvas it is drawn on. */
export function unitToCanvas(x: number, y: number): [number, number] {
  // Parts are laid out on their outline's centre line: lifting by half an outline puts
  // the outer edge of the feet, not the line's middle, on the baseline.
  return [(50 + (x - 50) * SHRINK) / 100, (94 + (y - 94) * SHRINK - OUTLINE / 2) / 100];
}

/**
 * Paints character `id` wearing `expression` into `ctx`, whose current transform maps
 * a 1×1 square to the canvas it stands on (feet on the 94% baseline, head below 22%).
 */
export function paintCharacter(ctx: SKRSContext2D, id: string, pal: Palette, expression: Expression): void {
  const art = artFor(id);
  ctx.save();
  ctx.scale(1 / 100, 1 / 100);
  ctx.translate(0, -OUTLINE / 2);
  ctx.translate(50, 94);
  ctx.scale(SHRINK, SHRINK);
  ctx.translate(-50, -94);
  art.body(ctx, pal);
  drawFace(ctx, pal, art.face(pal), expression);
  ctx.restore();
}

/** The face layout of character `id` in `color`, in the 100×100 character space. */
export function characterFace(id: string, color: string): FaceLayout {
  return artFor(id).face(paletteFor(color));
}

/** Checks a character id and a `#rrggbb` colour, returning the palette to draw with. */
export function characterPalette(id: string, color: string): Palette {
  artFor(id);
  return paletteFor(color);
}

/**
 * Draws a built-in character with body `color` (`#rrggbb`) on a transparent
 * `size`×`size` canvas, wearing `expression` (a friendly smile by default).
 */
export function drawCharacter(
  id: string,
  color: string,
  size: number,
  expression: Expression = 'neutral',
): RgbaImage {
  const pal = characterPalette(id, color);
  if (!Number.isInteger(size) || size < 16)
    throw new Error(`character size must be an integer ≥ 16, got ${size}`);
  if (!EXPRESSIONS.includes(expression)) throw new Error(`unknown expression: ${expression}`);
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext('2d');
  ctx.scale(size, size);
  paintCharacter(ctx, id, pal, expression);
  return canvasToImage(canvas);
}
