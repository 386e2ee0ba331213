/**
 * The stage for a built-in character: the same layout an uploaded cut-out of it would
 * get, but the sprite is painted as vectors straight at output size (crisp at 512 px)
 * and once per expression the action uses. Expressions only change the face, inside
 * the silhouette, so every sprite has the same edge and swapping them never flickers.
 */
import { createCanvas } from '@napi-rs/canvas';
import type { Anchor, FaceAnchors, Stage } from './actions/types.ts';
import {
  characterFace,
  characterPalette,
  drawCharacter,
  type Expression,
  paintCharacter,
  unitToCanvas,
} from './characters/index.ts';
import { alphaBounds, type Box } from './raster.ts';
import { layoutStage, PAD, type Sprite, spriteOf } from './stage.ts';

/** A built-in character and its body colour (`#rrggbb`). */
export interface CharacterSpec {
  id: string;
  color: string;
}

/** Canvas the silhouette is measured on: the pipeline's working size, so both paths lay out alike. */
const MEASURE = 512;

/** Silhouette boxes per character id: the outline does not depend on colour or expression. */
const boxes = new Map<string, Box>();

function silhouetteBox(id: string, color: string): Box {
  const hit = boxes.get(id);
  if (hit) return hit;
  const box = alphaBounds(drawCharacter(id, color, MEASURE), 0);
  if (!box) throw new Error(`character ${id} draws nothing`);
  boxes.set(id, box);
  return box;
}

/** A built-in character laid out for one output size. */
export interface CharacterStage {
  stage: Stage;
  face: FaceAnchors;
  /** The sprite wearing `expression`, painted on first use. */
  sprite(expression: Expression): Sprite;
}

/** Lays out built-in character `spec` for a `size`×`size` output and paints its sprites on demand. */
export function prepareCharacterStage(spec: CharacterSpec, size: number, captioned: boolean): CharacterStage {
  const pal = characterPalette(spec.id, spec.color);
  const box = silhouetteBox(spec.id, spec.color);
  const { stage, scale } = layoutStage(size, captioned, box.right - box.left, box.bottom - box.top);
  const w = stage.width;
  const h = stage.height;
  // Character space → sprite pixels: canvas share × MEASURE, then the layout's scale.
  const toSprite = (ux: number, uy: number): [number, number] => {
    const [cx, cy] = unitToCanvas(ux, uy);
    return [PAD + (cx * MEASURE - box.left) * scale, PAD + (cy * MEASURE - box.top) * scale];
  };
  const anchor = (ux: number, uy: number): Anchor => {
    const [x, y] = toSprite(ux, uy);
    return [(x - PAD - w / 2) / w, (PAD + h - y) / h];
  };
  const layout = characterFace(spec.id, spec.color);
  const face: FaceAnchors = {
    eyes: [anchor(...layout.eyes[0]), anchor(...layout.eyes[1])],
    cheeks: [anchor(...layout.cheeks[0]), anchor(...layout.cheeks[1])],
    mouth: anchor(...layout.mouth),
    top: anchor(50, layout.top)[1],
  };
  const sprites = new Map<Expression, Sprite>();
  return {
    stage,
    face,
    sprite(expression) {
      const hit = sprites.get(expression);
      if (hit) return hit;
      const canvas = createCanvas(w + 2 * PAD, h + 2 * PAD);
      const ctx = canvas.getContext('2d');
      ctx.translate(PAD - box.left * scale, PAD - box.top * scale);
      ctx.scale(MEASURE * scale, MEASURE * scale);
      paintCharacter(ctx, spec.id, pal, expression);
      const sprite = spriteOf(canvas, w, h);
      sprites.set(expression, sprite);
      return sprite;
    },
  };
}
