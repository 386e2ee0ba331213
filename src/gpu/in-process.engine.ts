import { animate, drawCharacter, matte, normalizeCutout } from '../engine/index.ts';
import type { RenderEngine } from './render-engine.ts';

/** Working canvas side for cut-outs and built-in characters. */
export const WORKING_SIZE = 512;

/** The built-in CPU engine, called directly in this process. */
export function createInProcessEngine(): RenderEngine {
  return {
    async character(id, color) {
      return drawCharacter(id, color, WORKING_SIZE);
    },
    async cutout(image) {
      return normalizeCutout(matte(image), WORKING_SIZE);
    },
    async animate(cutout, action, params, opts) {
      return animate(cutout, action, params, opts);
    },
  };
}
