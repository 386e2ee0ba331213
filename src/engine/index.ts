/** PopCon's render engine: built-in characters, background removal, cut-out layout and animation. */
export { listMotions } from './actions/index.ts';
export { type AnimateOptions, animate, animateCharacter, type CharacterSpec } from './animate.ts';
export { drawCharacter, EXPRESSIONS, type Expression, listCharacters } from './characters/index.ts';
export { normalizeCutout } from './cutout.ts';
export { matte } from './matte.ts';
export { type TouchUp, type TouchUpOp, type TouchUpResult, touchUpMatte } from './matte-touchup.ts';
export { drawRenderCall, type RenderCall } from './render-call.ts';
