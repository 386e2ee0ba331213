import type { ActionParams } from '../domain/actions.ts';
import type { FrameSequence, RgbaImage } from '../domain/image.ts';

export interface AnimateOptions {
  size: number;
  frames: number;
  durationMs: number;
}

/**
 * The render engine port. The pipeline only talks to this: in-process on the
 * CPU by default, or a remote GPU worker over HTTP when one is configured.
 */
export interface RenderEngine {
  /** Draws a built-in character on the working canvas (512×512, transparent). */
  character(id: string, color: string): Promise<RgbaImage>;
  /** Cuts the character out of its background and normalises it to the working canvas. */
  cutout(image: RgbaImage): Promise<RgbaImage>;
  /** Renders one action as a seamless loop of `frames` frames. */
  animate(
    cutout: RgbaImage,
    action: string,
    params: ActionParams,
    opts: AnimateOptions,
  ): Promise<FrameSequence>;
}
