/**
 * The per-emoji knobs a user may set (caption, accent colour, speed, intensity),
 * checked at the edge: an out-of-range value is refused with a message that
 * names the emoji and the knob, instead of being clamped silently by the engine.
 */
import { type ActionParams, CAPTION_MAX_LENGTH, INTENSITY, SPEED } from './actions.ts';
import { AppError } from './errors.ts';

/** What a request may say about one emoji besides its action. */
export interface EmojiParamsInput {
  caption?: unknown;
  accent?: unknown;
  speed?: unknown;
  intensity?: unknown;
}

const HEX = /^#[0-9a-f]{6}$/i;
/** Control characters and line breaks: a caption is one line of visible text. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Length as people count it: code points, so "こんにちは" is 5 and an emoji is 1 or 2. */
export function captionLength(text: string): number {
  return [...text].length;
}

function bad(where: string, message: string): AppError {
  return new AppError('invalid_params', `${where}: ${message}`);
}

function numberIn(value: unknown, range: { min: number; max: number }, name: string, where: string) {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < range.min || value > range.max)
    throw bad(where, `${name} must be a number from ${range.min} to ${range.max}`);
  return value;
}

/**
 * Checks one emoji's knobs and returns them as engine params; `where` names the
 * emoji in errors ("emoji 3"). An empty caption means no caption.
 */
export function parseEmojiParams(input: EmojiParamsInput, where: string): ActionParams {
  const params: ActionParams = {};
  if (input.caption !== undefined && input.caption !== null) {
    if (typeof input.caption !== 'string') throw bad(where, 'caption must be text');
    const caption = input.caption.normalize('NFC').trim();
    if (CONTROL.test(caption)) throw bad(where, 'caption must be one line of text');
    if (captionLength(caption) > CAPTION_MAX_LENGTH)
      throw bad(where, `caption has ${captionLength(caption)} characters; at most ${CAPTION_MAX_LENGTH} fit`);
    if (caption !== '') params.caption = caption;
  }
  if (input.accent !== undefined && input.accent !== null) {
    if (typeof input.accent !== 'string' || !HEX.test(input.accent))
      throw bad(where, 'accent must be a colour like #ff4f86');
    params.accent = input.accent.toLowerCase();
  }
  if (input.speed !== undefined && input.speed !== null)
    params.speed = numberIn(input.speed, SPEED, 'speed', where);
  if (input.intensity !== undefined && input.intensity !== null)
    params.intensity = numberIn(input.intensity, INTENSITY, 'intensity', where);
  return params;
}
