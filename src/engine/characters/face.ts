/**
 * Expressions of the built-in characters. Every character describes where its face
 * is (a `FaceLayout`); every expression is a combination of shared eyes, brows and
 * mouth, so the whole family emotes the same way.
 */
import { Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import { type BrowKind, drawBrow, drawEye, type EyeKind } from './eyes.ts';
import { drawBeak, drawMouth, type MouthKind, type RestMouth } from './mouths.ts';
import { blush, type Palette } from './style.ts';

interface Features {
  eyes: EyeKind | readonly [EyeKind, EyeKind];
  mouth: MouthKind;
  brows?: BrowKind;
  /** 0 no cheeks, 1 the usual soft blush, 2 a deep blush with hatching. */
  blush?: 0 | 1 | 2;
}

const TABLE = {
  neutral: { eyes: 'open', mouth: 'rest' },
  smile: { eyes: 'open', mouth: 'open' },
  happy: { eyes: 'happy', mouth: 'open' },
  joy: { eyes: 'squeeze', mouth: 'big' },
  blink: { eyes: 'line', mouth: 'rest' },
  love: { eyes: 'heart', mouth: 'open', blush: 2 },
  kiss: { eyes: ['open', 'happy'], mouth: 'pucker', blush: 2 },
  wink: { eyes: ['open', 'happy'], mouth: 'open' },
  sad: { eyes: 'teary', mouth: 'frown', brows: 'sad' },
  cry: { eyes: 'cry', mouth: 'wail', brows: 'sad' },
  angry: { eyes: 'open', mouth: 'grit', brows: 'angry' },
  surprised: { eyes: 'wide', mouth: 'o', brows: 'raised' },
  shock: { eyes: 'blank', mouth: 'O', brows: 'sad', blush: 0 },
  sleepy: { eyes: 'shut', mouth: 'o' },
  drowsy: { eyes: 'half', mouth: 'flat' },
  dreamy: { eyes: 'shut', mouth: 'smile' },
  shy: { eyes: 'shut', mouth: 'wavy', blush: 2 },
  worried: { eyes: 'open', mouth: 'wavy', brows: 'sad' },
  sorry: { eyes: 'squeeze', mouth: 'frown', brows: 'sad' },
  no: { eyes: 'squeeze', mouth: 'flat', brows: 'firm' },
  thinking: { eyes: 'up', mouth: 'hmm', brows: 'quizzical' },
  star: { eyes: 'star', mouth: 'big' },
  determined: { eyes: 'open', mouth: 'open', brows: 'firm' },
  hungry: { eyes: 'up', mouth: 'drool' },
} as const satisfies Record<string, Features>;

/** A facial expression a built-in character can wear. */
export type Expression = keyof typeof TABLE;

/** Every expression, for tests and the gallery. */
export const EXPRESSIONS = Object.keys(TABLE) as Expression[];

type Point = readonly [number, number];

/** Where a character's face is, in the 100×100 character space. */
export interface FaceLayout {
  /** Eye centres, left then right. */
  eyes: readonly [Point, Point];
  /** Eye size: 1 is a 6×7.6 unit eye. */
  eyeScale: number;
  mouth: Point;
  mouthWidth: number;
  cheeks: readonly [Point, Point];
  rest: RestMouth;
  /** The chick talks with a beak instead of a mouth. */
  beak?: boolean;
  /** Eyes on dark patches (the panda) need the light rim dark bodies get. */
  rimmedEyes?: boolean;
  /** Top of the skull (ears, tufts and antennae may stick out above): where hats sit. */
  top: number;
}

/** Deep blush: stronger cheeks with three short hatch lines, the manga sign for a flushed face. */
function deepBlush(ctx: SKRSContext2D, x: number, y: number, s: number, pal: Palette): void {
  blush(ctx, x, y, pal, 6 * s, 3.6 * s);
  blush(ctx, x, y, pal, 4.2 * s, 2.4 * s);
  const p = new Path2D();
  for (const dx of [-2.2, 0, 2.2]) {
    p.moveTo(x + dx * s - 0.9 * s, y + 1.3 * s);
    p.lineTo(x + dx * s + 0.9 * s, y - 1.3 * s);
  }
  ctx.lineCap = 'round';
  ctx.lineWidth = 0.9 * s;
  ctx.strokeStyle = '#e0456d';
  ctx.stroke(p);
}

/** Draws a character's face wearing `expression` over its already painted head. */
export function drawFace(ctx: SKRSContext2D, pal: Palette, face: FaceLayout, expression: Expression): void {
  const f: Features = TABLE[expression];
  const eyeRim = face.rimmedEyes ? '#fff6ee' : pal.eyeRim;
  const blushLevel = f.blush ?? 1;
  face.cheeks.forEach(([x, y]) => {
    if (blushLevel === 2) deepBlush(ctx, x, y, 1, pal);
    else if (blushLevel === 1) blush(ctx, x, y, pal);
  });
  face.eyes.forEach(([x, y], i) => {
    const side = i === 0 ? -1 : 1;
    const kind = typeof f.eyes === 'string' ? f.eyes : f.eyes[i];
    drawEye(ctx, kind, x, y, face.eyeScale, side, pal, eyeRim);
    // Brows sit on the head, not on a panda's patches: only a dark body needs their rim.
    drawBrow(ctx, f.brows ?? 'none', x, y, face.eyeScale, side, pal, pal.eyeRim);
  });
  const [mx, my] = face.mouth;
  if (face.beak) drawBeak(ctx, f.mouth, mx, my, face.mouthWidth, pal);
  else drawMouth(ctx, f.mouth, face.rest, mx, my, face.mouthWidth, pal, pal.eyeRim);
}

/** A built-in character: its body (everything but the expression) and where its face is. */
export interface CharacterArt {
  body(ctx: SKRSContext2D, pal: Palette): void;
  face(pal: Palette): FaceLayout;
}
