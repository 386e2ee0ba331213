/**
 * Prepares a cut-out for rendering at output size: finds the character, scales it
 * once with premultiplied Lanczos to its resting size (per-frame transforms then
 * stay near 1:1, where bilinear sampling is sharp), and works out where it stands.
 */
import type { Canvas } from '@napi-rs/canvas';
import type { RgbaImage } from '../domain/image.ts';
import type { Stage } from './actions/types.ts';
import { parseHex } from './color.ts';
import { alphaBounds, canvasToImage, crop, imageToCanvas } from './raster.ts';
import { resizeRgba } from './resample.ts';

/** Character height at rest as a share of the frame: big enough to read at 180 px, with room for effects. */
const REST_HEIGHT = 0.78;
/** With a caption the character shrinks and stands above it. */
const REST_HEIGHT_CAPTIONED = 0.62;
const CAPTION_BAND = 0.22;
const MAX_WIDTH = 0.84;
const FOOT_MARGIN = 0.045;
/** Transparent padding around the sprite so bilinear sampling fades its edge instead of cutting it. */
export const PAD = 2;

export interface Sprite {
  canvas: Canvas;
  /** The same pixels, recoloured towards a tint colour; built on first use per colour. */
  tinted: Map<string, Canvas>;
  /** The feet point (bottom centre of the character) in sprite pixels. */
  feetX: number;
  feetY: number;
}

/** The resting layout for a character of `bw`×`bh` source pixels, and the scale that fits it. */
export function layoutStage(
  size: number,
  captioned: boolean,
  bw: number,
  bh: number,
): { stage: Stage; scale: number } {
  const targetH = size * (captioned ? REST_HEIGHT_CAPTIONED : REST_HEIGHT);
  const scale = Math.min(targetH / bh, (size * MAX_WIDTH) / bw);
  const unit = size / 180;
  const stage: Stage = {
    size,
    unit,
    feetX: size / 2,
    feetY: size * (1 - FOOT_MARGIN - (captioned ? CAPTION_BAND : 0)),
    width: Math.max(1, Math.round(bw * scale)),
    height: Math.max(1, Math.round(bh * scale)),
    margin: Math.max(3, 4 * unit),
  };
  return { stage, scale };
}

/** Builds the resting layout and the pre-scaled character sprite for a `size`×`size` output. */
export function prepareStage(
  cutout: RgbaImage,
  size: number,
  captioned: boolean,
): { stage: Stage; sprite: Sprite } {
  const box = alphaBounds(cutout, 0);
  if (!box) throw new Error('the cut-out has no visible character to animate');
  const { stage } = layoutStage(size, captioned, box.right - box.left, box.bottom - box.top);
  const w = stage.width;
  const h = stage.height;
  const small = resizeRgba(crop(cutout, box), w, h);
  const padded: RgbaImage = {
    width: w + 2 * PAD,
    height: h + 2 * PAD,
    data: new Uint8Array((w + 2 * PAD) * (h + 2 * PAD) * 4),
  };
  for (let y = 0; y < h; y++) {
    padded.data.set(small.data.subarray(y * w * 4, (y + 1) * w * 4), ((y + PAD) * padded.width + PAD) * 4);
  }
  return { stage, sprite: spriteOf(imageToCanvas(padded), w, h) };
}

/** Wraps a padded `w`×`h` character canvas as a sprite standing on its bottom centre. */
export function spriteOf(canvas: Canvas, w: number, h: number): Sprite {
  return { canvas, tinted: new Map(), feetX: PAD + w / 2, feetY: PAD + h };
}

/**
 * The sprite recoloured towards `colour` by luminance, like a coloured light: a plain
 * translucent wash turns a blue character purple instead of red, and this keeps
 * outlines dark and shading visible.
 */
export function tintedSprite(sprite: Sprite, colour: string): Canvas {
  const hit = sprite.tinted.get(colour);
  if (hit) return hit;
  const img = canvasToImage(sprite.canvas);
  const c = parseHex(colour);
  const tint = [c.r / 255, c.g / 255, c.b / 255];
  const d = img.data;
  for (let i = 0; i < d.length; i += 4) {
    const lum = 0.3 * d[i] + 0.59 * d[i + 1] + 0.11 * d[i + 2];
    for (let k = 0; k < 3; k++) d[i + k] = Math.min(255, lum * (0.35 + 0.9 * tint[k]) + 40 * tint[k]);
  }
  const canvas = imageToCanvas(img);
  sprite.tinted.set(colour, canvas);
  return canvas;
}
