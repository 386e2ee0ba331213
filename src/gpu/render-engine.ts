import type { ActionParams } from '../domain/actions.ts';
import type { FrameSequence, RgbaImage } from '../domain/image.ts';

export interface AnimateOptions {
  size: number;
  frames: number;
  durationMs: number;
  /**
   * Deterministic id of the render (see `renderTaskId`): a remote engine sends
   * it as the idempotency key, so a retried task never renders twice. Optional;
   * without it the remote engine derives one from the request's content.
   */
  taskId?: string;
}

/** The result of a cut-out. */
export interface Cutout {
  /** The picture with the background made transparent, at the picture's size. */
  matte: RgbaImage;
  /** The matte trimmed and fitted into the working canvas (512×512) in the standard layout. */
  cutout: RgbaImage;
}

/** Options of a cut-out; `taskId` plays the same part as in `AnimateOptions`. */
export interface CutoutOptions {
  taskId?: string;
}

/**
 * The render engine port. The pipeline only talks to this: in-process on the
 * CPU by default, or a remote GPU worker over HTTP when one is configured.
 */
export interface RenderEngine {
  /**
   * True when rendering at a small size costs less than resizing a large render (an
   * engine that draws vectors): the pipeline then renders each platform's size itself,
   * which is also crisper. False or absent: one render at the largest size, resized.
   */
  readonly drawsAtAnySize?: boolean;
  /** Draws a built-in character on the working canvas (512×512, transparent). */
  character(id: string, color: string): Promise<RgbaImage>;
  /**
   * Cuts the character out of its background: the matte at the picture's own size
   * (kept so a user can touch it up) and the cut-out normalised to the working canvas.
   */
  cutout(image: RgbaImage, opts?: CutoutOptions): Promise<Cutout>;
  /**
   * Renders one action of a built-in character, drawn with the action's facial
   * expression (a cut-out cannot change its face). Seamless, like `animate`.
   */
  animateCharacter(
    character: { id: string; color: string },
    action: string,
    params: ActionParams,
    opts: AnimateOptions,
  ): Promise<FrameSequence>;
  /** Renders one action as a seamless loop of `frames` frames. */
  animate(
    cutout: RgbaImage,
    action: string,
    params: ActionParams,
    opts: AnimateOptions,
  ): Promise<FrameSequence>;
}
