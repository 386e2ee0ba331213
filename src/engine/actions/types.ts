/**
 * What an action is to the renderer: a periodic pose for the cut-out and effects
 * drawn at output resolution. Every function of phase t ∈ [0, 1) must be periodic
 * (t = 1 looks like t = 0) and give the rest pose at t = 0.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';

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
  /** A colour washed over the character (angry red), 0..1. */
  tint?: { colour: string; amount: number };
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

/** Everything an effect needs to draw one frame. */
export interface Scene extends Beat {
  stage: Stage;
  pose: Pose;
  /** Effect colour chosen by the user, if any. */
  accent: string | undefined;
  seed: number;
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
  /** Effects behind the character (shadows). */
  behind?(ctx: SKRSContext2D, scene: Scene): void;
  /** Effects in front of the character. */
  front?(ctx: SKRSContext2D, scene: Scene): void;
}

/** The rest pose. */
export const REST: Pose = { dx: 0, dy: 0, rotate: 0, sx: 1, sy: 1, skew: 0 };
