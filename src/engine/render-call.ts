import type { ActionParams } from '../domain/actions.ts';
import type { FrameSequence, RgbaImage } from '../domain/image.ts';
import { type AnimateOptions, animate, animateCharacter, type CharacterSpec } from './animate.ts';

/** One call of the engine's animate functions as data, so it can be made on another thread. */
export type RenderCall =
  | {
      kind: 'character';
      character: CharacterSpec;
      action: string;
      params: ActionParams;
      opts: AnimateOptions;
    }
  | { kind: 'cutout'; cutout: RgbaImage; action: string; params: ActionParams; opts: AnimateOptions };

/** Makes the call on this thread. */
export function drawRenderCall(call: RenderCall): FrameSequence {
  return call.kind === 'character'
    ? animateCharacter(call.character, call.action, call.params, call.opts)
    : animate(call.cutout, call.action, call.params, call.opts);
}
