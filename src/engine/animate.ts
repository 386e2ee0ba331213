/**
 * Renders an action as a looping frame sequence. The cut-out is scaled once and then
 * only transformed per frame (never re-matted), so its edges are stable; effects are
 * vectors drawn at output resolution on top.
 */
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { ActionParams } from '../domain/actions.ts';
import type { FrameSequence, RgbaImage } from '../domain/image.ts';
import { getMotion } from './actions/index.ts';
import type { Beat, Pose, Scene, Stage } from './actions/types.ts';
import { renderCaption } from './caption.ts';
import { parseHex } from './color.ts';
import { prepareStage, type Sprite, tintedSprite } from './stage.ts';

export interface AnimateOptions {
  /** Output width and height in pixels. */
  size: number;
  frames: number;
  /** Time of one whole loop. */
  durationMs: number;
}

interface Resolved {
  speed: number;
  amp: number;
  accent: string | undefined;
  seed: number;
  caption: string;
}

function resolve(params: ActionParams): Resolved {
  const speed = Math.min(2, Math.max(0.5, params.speed ?? 1));
  const intensity = Math.min(1, Math.max(0, params.intensity ?? 0.6));
  if (params.accent !== undefined) parseHex(params.accent); // fail early on a bad colour
  return {
    speed,
    // 0 still moves a little (a still emoji is not an action); 0.6 is the designed look.
    amp: 0.35 + 1.1 * intensity,
    accent: params.accent?.toLowerCase(),
    seed: Math.trunc(params.seed ?? 0),
    caption: params.caption ?? '',
  };
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

/** Renders `frames` frames of `actionId` applied to a cut-out (straight RGBA, any size, character on transparency). */
export function animate(
  cutout: RgbaImage,
  actionId: string,
  params: ActionParams,
  opts: AnimateOptions,
): FrameSequence {
  const motion = getMotion(actionId);
  const { size, frames, durationMs } = opts;
  if (!Number.isInteger(size) || size < 16) throw new Error(`size must be an integer ≥ 16, got ${size}`);
  if (!Number.isInteger(frames) || frames < 1)
    throw new Error(`frames must be a positive integer, got ${frames}`);
  const p = resolve(params);
  const { stage, sprite } = prepareStage(cutout, size, p.caption.trim() !== '');
  const caption = renderCaption(p.caption, size, stage.margin);
  // Whole cycles keep the loop seamless; at most one cycle per 4 frames keeps motion readable.
  const cycles = Math.max(1, Math.min(Math.round(motion.cycles * p.speed), Math.floor(frames / 4)));

  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext('2d');
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  const out: Uint8Array[] = [];
  for (let i = 0; i < frames; i++) {
    const beat: Beat = { t: i / frames, cycles, frames, amp: p.amp };
    const pose = motion.pose(beat, stage);
    const scene: Scene = {
      ...beat,
      stage,
      pose,
      accent: p.accent,
      seed: p.seed,
      follow: follower(stage, pose),
    };
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalAlpha = 1;
    ctx.globalCompositeOperation = 'source-over';
    ctx.clearRect(0, 0, size, size);
    drawSprite(ctx, sprite, stage, pose);
    if (motion.behind) {
      // Behind-effects go under what is already drawn, without an extra layer.
      ctx.globalCompositeOperation = 'destination-over';
      motion.behind(ctx, scene);
      ctx.globalCompositeOperation = 'source-over';
    }
    motion.front?.(ctx, scene);
    if (caption) ctx.drawImage(caption, 0, 0);
    const pixels = ctx.getImageData(0, 0, size, size).data;
    out.push(new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength).slice());
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
  if (pose.tint && pose.tint.amount > 0) {
    // source-atop keeps the character's own alpha, so edges do not thicken.
    ctx.globalCompositeOperation = 'source-atop';
    ctx.globalAlpha = pose.tint.amount;
    ctx.drawImage(tintedSprite(sprite, pose.tint.colour), -sprite.feetX, -sprite.feetY);
  }
  ctx.restore();
}
