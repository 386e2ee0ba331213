/**
 * What an action is to the renderer: a periodic pose for the cut-out and effects
 * drawn at output resolution. Every function of phase t ∈ [0, 1) must be periodic
 * (t = 1 looks like t = 0) and give the rest pose at t = 0.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { Expression } from '../characters/face.ts';

/** A transform of the character about its feet. */
export interface Pose {
  /** Offsets in character heights; +dy is up. */
  dx: number;
  dy: number;
  /** Radians, clockwise, about the feet. */
  rotate: number;
  /** Scale about the feet. */
  sx: number;
  sy: number;
  /** Horizontal shear: the top moves sideways by `skew` × height. */
  skew: number;
  /**
   * A colour washed over the character (angry red): `amount` 0..1 is its opacity and
   * `level` 0..1 how far up from the feet it has risen (the whole body by default).
   */
  tint?: { colour: string; amount: number; level?: number };
}

/** Where the character stands at rest, in output pixels. */
export interface Stage {
  size: number;
  /** Output pixels per pixel of a 180 px emoji: effect sizes scale with it. */
  unit: number;
  feetX: number;
  feetY: number;
  width: number;
  height: number;
  /** Effects keep this far from the frame edge so frame 0 never touches the border. */
  margin: number;
}

/** Timing of one frame: phase and how many whole motion cycles fit the loop. */
export interface Beat {
  t: number;
  /** Whole motion cycles per loop (from `speed`). */
  cycles: number;
  frames: number;
  /** Amplitude factor from `intensity`: about 1 at the default 0.6. */
  amp: number;
}

/** A point of the resting character: `fx` in widths from the centre, `fy` in heights above the feet. */
export type Anchor = readonly [fx: number, fy: number];

/** Where the face is, so tears leave the eyes and blush sits on the cheeks. */
export interface FaceAnchors {
  /** Left eye, then right eye. */
  eyes: readonly [Anchor, Anchor];
  cheeks: readonly [Anchor, Anchor];
  mouth: Anchor;
  /** Height of the top of the skull above the feet, in heights (ears may reach higher; 1 for uploads). */
  top: number;
}

/** Everything an effect needs to draw one frame. */
export interface Scene extends Beat {
  stage: Stage;
  pose: Pose;
  /** Effect colour: the user's accent, or the action's default from the catalog. */
  accent: string;
  /** Whether the user chose `accent` (palettes then lead with it). */
  customAccent: boolean;
  seed: number;
  face: FaceAnchors;
  /**
   * True when the character's own face shows the expression (built-in characters):
   * effects that fake a face on an upload (blush ovals, a drool drop) then stand back.
   */
  expressive: boolean;
  /**
   * Where a point of the resting character is in this frame: `fx` in widths from
   * the centre, `fy` in heights above the feet. Effects attached to the body use it.
   */
  follow(fx: number, fy: number): [number, number];
}

export interface Motion {
  id: string;
  /** Motion cycles per loop at speed 1. */
  cycles: number;
  pose(beat: Beat, stage: Stage): Pose;
  /**
   * The face a built-in character wears for the whole loop (uploads keep their own).
   * Fixed on purpose: frame 0 is the still picture chat apps show, so it must already
   * wear the action's expression, and a face that changed mid-loop would flicker.
   */
  face: Expression;
  /** Effects behind the character (shadows). */
  behind?(ctx: SKRSContext2D, scene: Scene): void;
  /** Effects in front of the character. */
  front?(ctx: SKRSContext2D, scene: Scene): void;
}

/** The rest pose. */
export const REST: Pose = { dx: 0, dy: 0, rotate: 0, sx: 1, sy: 1, skew: 0 };
