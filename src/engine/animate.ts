/**
 * Renders an action as a looping frame sequence. The character is scaled (or, for a
 * built-in one, painted) once and then only transformed per frame, never re-matted,
 * so its edges are stable; effects are vectors drawn at output resolution on top.
 */
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { type ActionParams, findAction, INTENSITY, SPEED } from '../domain/actions.ts';
import type { FrameSequence, RgbaImage } from '../domain/image.ts';
import { seededRandom } from '../domain/random.ts';
import { getMotion } from './actions/index.ts';
import type { Beat, FaceAnchors, Motion, Pose, Scene, Stage } from './actions/types.ts';
import { renderCaption } from './caption.ts';
import { type CharacterSpec, prepareCharacterStage } from './character-stage.ts';
import { parseHex } from './color.ts';
import { seedFor } from './effects/random.ts';
import { prepareStage, type Sprite, tintedSprite } from './stage.ts';

export type { CharacterSpec };

export interface AnimateOptions {
  /** Output width and height in pixels. */
  size: number;
  frames: number;
  /** Time of one whole loop. */
  durationMs: number;
  /**
   * Draw the frames into one block of shared memory, for another thread to read in place
   * (the encode pool's renders); ordinary memory otherwise.
   */
  shared?: boolean;
}

/** Where an upload's face probably is: chibi characters have big heads with eyes a little above the middle. */
const UPLOAD_FACE: FaceAnchors = {
  eyes: [
    [-0.18, 0.6],
    [0.18, 0.6],
  ],
  cheeks: [
    [-0.3, 0.5],
    [0.3, 0.5],
  ],
  mouth: [0, 0.5],
  top: 1,
};

/** What the frame loop needs from a character, whichever way it was made. */
interface Actor {
  stage: Stage;
  face: FaceAnchors;
  expressive: boolean;
  /** The character at rest, scaled or painted once for the whole loop. */
  sprite: Sprite;
}

interface Resolved {
  speed: number;
  /** Extra motion cycles per loop from the variant (a multiplier on `speed`'s cycles). */
  tempo: number;
  amp: number;
  accent: string;
  customAccent: boolean;
  seed: number;
  caption: string;
}

const clamp = (v: number, r: { min: number; max: number }) => Math.min(r.max, Math.max(r.min, v));

function resolve(actionId: string, params: ActionParams): Resolved {
  if (params.accent !== undefined) parseHex(params.accent); // fail early on a bad colour
  const intensity = clamp(params.intensity ?? INTENSITY.default, INTENSITY);
  const seed = Math.trunc(params.seed ?? 0);
  const take = variant(seed);
  return {
    speed: clamp(params.speed ?? SPEED.default, SPEED),
    tempo: take.tempo,
    // 0 still moves a little (a still emoji is not an action); 0.6 is the designed look.
    amp: (0.35 + 1.1 * intensity) * take.amp,
    accent: (params.accent ?? findAction(actionId)?.params.accent.default ?? '#ffcc33').toLowerCase(),
    customAccent: params.accent !== undefined,
    seed,
    caption: params.caption ?? '',
  };
}

/** Rhythms a variant may take, as multiples of the designed motion cycles per loop. */
const TEMPI = [1.5, 0.75, 2, 1] as const;

/**
 * Seed 0 is the designed take. Any other seed (a retry, or a repeated action in one
 * set) is a variant of it: a different rhythm and a somewhat bigger or smaller
 * motion, on top of the seed's particle layout, so that actions without random
 * effects (a wave, a bow) also come out visibly different, while staying seamless.
 */
function variant(seed: number): { amp: number; tempo: number } {
  if (seed === 0) return { amp: 1, tempo: 1 };
  const random = seededRandom(seedFor(seed, 'variant'));
  // Never within 15% of the designed size: a variant must look like one.
  const bigger = random() < 0.5;
  const amp = bigger ? 1.15 + 0.15 * random() : 0.7 + 0.15 * random();
  return { amp, tempo: TEMPI[Math.floor(random() * TEMPI.length)] };
}

function checkOptions({ size, frames }: AnimateOptions): void {
  if (!Number.isInteger(size) || size < 16) throw new Error(`size must be an integer ≥ 16, got ${size}`);
  if (!Number.isInteger(frames) || frames < 1)
    throw new Error(`frames must be a positive integer, got ${frames}`);
}

/** Renders `frames` frames of `actionId` applied to a cut-out (straight RGBA, any size, character on transparency). */
export function animate(
  cutout: RgbaImage,
  actionId: string,
  params: ActionParams,
  opts: AnimateOptions,
): FrameSequence {
  const motion = getMotion(actionId);
  checkOptions(opts);
  const p = resolve(actionId, params);
  const { stage, sprite } = prepareStage(cutout, opts.size, p.caption.trim() !== '');
  return render({ stage, face: UPLOAD_FACE, expressive: false, sprite }, motion, p, opts);
}

/**
 * Renders `actionId` for a built-in character drawn from code: like `animate`, but the
 * character is painted as vectors at output size and its face follows the action.
 */
export function animateCharacter(
  spec: CharacterSpec,
  actionId: string,
  params: ActionParams,
  opts: AnimateOptions,
): FrameSequence {
  const motion = getMotion(actionId);
  checkOptions(opts);
  const p = resolve(actionId, params);
  const built = prepareCharacterStage(spec, opts.size, p.caption.trim() !== '');
  const actor: Actor = {
    stage: built.stage,
    face: built.face,
    expressive: true,
    sprite: built.sprite(motion.face),
  };
  return render(actor, motion, p, opts);
}

/** The pose transform about the feet, as a function for effects that follow the body. */
function follower(stage: Stage, pose: Pose): (fx: number, fy: number) => [number, number] {
  const cos = Math.cos(pose.rotate);
  const sin = Math.sin(pose.rotate);
  return (fx, fy) => {
    const x0 = fx * stage.width;
    const y0 = -fy * stage.height;
    // Scale, then shear, then rotate, then translate: the order drawSprite applies.
    const x1 = x0 * pose.sx - pose.skew * y0 * pose.sy;
    const y1 = y0 * pose.sy;
    const x2 = x1 * cos - y1 * sin;
    const y2 = x1 * sin + y1 * cos;
    return [stage.feetX + pose.dx * stage.height + x2, stage.feetY - pose.dy * stage.height + y2];
  };
}

function render(actor: Actor, motion: Motion, p: Resolved, opts: AnimateOptions): FrameSequence {
  const { size, frames, durationMs } = opts;
  const { stage } = actor;
  const caption = renderCaption(p.caption, size, stage.margin);
  // Whole cycles keep the loop seamless; at most one cycle per 4 frames keeps motion readable.
  const cycles = Math.max(1, Math.min(Math.round(motion.cycles * p.speed * p.tempo), Math.floor(frames / 4)));

  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext('2d');
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  const { sprite } = actor;
  const backCanvas = motion.behind ? createCanvas(size, size) : undefined;
  const back = backCanvas && { canvas: backCanvas, ctx: backCanvas.getContext('2d') };
  const frameBytes = size * size * 4;
  const block = opts.shared
    ? new SharedArrayBuffer(frameBytes * frames)
    : new ArrayBuffer(frameBytes * frames);
  const out: Uint8Array[] = [];
  for (let i = 0; i < frames; i++) {
    const beat: Beat = { t: i / frames, cycles, frames, amp: p.amp };
    const pose = motion.pose(beat, stage);
    const scene: Scene = {
      ...beat,
      stage,
      pose,
      accent: p.accent,
      customAccent: p.customAccent,
      seed: p.seed,
      face: actor.face,
      expressive: actor.expressive,
      follow: follower(stage, pose),
    };
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalAlpha = 1;
    ctx.globalCompositeOperation = 'source-over';
    ctx.clearRect(0, 0, size, size);
    drawSprite(ctx, sprite, stage, pose);
    if (motion.behind && back) {
      // Behind-effects are painted normally on their own layer, which then goes under
      // the character: painting them straight under it would reverse their own layering.
      back.ctx.setTransform(1, 0, 0, 1, 0, 0);
      back.ctx.clearRect(0, 0, size, size);
      motion.behind(back.ctx, scene);
      ctx.globalCompositeOperation = 'destination-over';
      ctx.drawImage(back.canvas, 0, 0);
      ctx.globalCompositeOperation = 'source-over';
    }
    motion.front?.(ctx, scene);
    if (caption) ctx.drawImage(caption, 0, 0);
    const frame = new Uint8Array(block, i * frameBytes, frameBytes);
    frame.set(ctx.getImageData(0, 0, size, size).data);
    out.push(frame);
  }
  return { width: size, height: size, frames: out, durationMs };
}

function drawSprite(ctx: SKRSContext2D, sprite: Sprite, stage: Stage, pose: Pose): void {
  ctx.save();
  ctx.translate(stage.feetX + pose.dx * stage.height, stage.feetY - pose.dy * stage.height);
  ctx.rotate(pose.rotate);
  // Shear about the feet: x' = x − skew·y, so the top (y < 0) moves by +skew per unit height.
  ctx.transform(1, 0, -pose.skew, 1, 0, 0);
  ctx.scale(pose.sx, pose.sy);
  ctx.drawImage(sprite.canvas, -sprite.feetX, -sprite.feetY);
  const level = Math.min(1, pose.tint?.level ?? 1);
  if (pose.tint && pose.tint.amount > 0 && level > 0) {
    if (level < 1) risingClip(ctx, sprite, stage, level);
    // source-atop keeps the character's own alpha, so edges do not thicken.
    ctx.globalCompositeOperation = 'source-atop';
    ctx.globalAlpha = pose.tint.amount;
    ctx.drawImage(tintedSprite(sprite, pose.tint.colour), -sprite.feetX, -sprite.feetY);
  }
  ctx.restore();
}

/**
 * Clips to the part of the sprite below a wavy line `level` of the way up from the feet:
 * colour rising in a body reads better than a half-strength wash, which turns a green
 * or blue character muddy brown instead of red.
 */
function risingClip(ctx: SKRSContext2D, sprite: Sprite, stage: Stage, level: number): void {
  const w = sprite.canvas.width;
  const top = -level * (stage.height + 2);
  const waves = 4;
  const amp = stage.height * 0.025;
  ctx.beginPath();
  ctx.moveTo(-w, sprite.canvas.height);
  ctx.lineTo(-w, top);
  for (let i = 1; i <= waves * 2; i++) {
    const x = -w + (i * w) / waves;
    ctx.quadraticCurveTo(x - w / (2 * waves), top + (i % 2 ? -amp : amp), x, top);
  }
  ctx.lineTo(w, sprite.canvas.height);
  ctx.closePath();
  ctx.clip();
}
