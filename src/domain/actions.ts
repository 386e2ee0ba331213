/**
 * The action catalog: what a character can do in an emoji. The engine has one
 * motion per id (see src/engine/actions), and a test checks that the two agree.
 * Durations are whole seconds (1–4 s) and frames 5–20, so that every action fits
 * LINE's timing rules as-is. Ids are stored in job rows: never rename or remove one.
 */

/** A numeric knob: its range and the value used when the user leaves it alone. */
export interface NumberParam {
  min: number;
  max: number;
  default: number;
}

/** The knobs an action offers, with their ranges and this action's defaults. */
export interface ActionParamSpec {
  /** Motion cycles per loop, relative to the designed rhythm (the loop time never changes). */
  speed: NumberParam;
  /** How big the motion and the effects are. */
  intensity: NumberParam;
  /** Optional text under the character; `suggestion` is a hint for pickers, never drawn by default. */
  caption: { maxLength: number; suggestion: string };
  /** Colour of the action's main effect (hearts, tears, the "!"), `#rrggbb`. */
  accent: { default: string };
}

export interface ActionDefinition {
  id: string;
  label: string;
  /** A Unicode emoji that hints at the action in pickers. */
  glyph: string;
  tags: readonly string[];
  defaultDurationMs: number;
  defaultFrames: number;
  params: ActionParamSpec;
}

/** Speed multiplier range: 0.5 (slow) to 2 (fast). */
export const SPEED: NumberParam = { min: 0.5, max: 2, default: 1 };
/** Intensity range: 0 (subtle) to 1 (strong); 0.6 is the designed look. */
export const INTENSITY: NumberParam = { min: 0, max: 1, default: 0.6 };
/** Longest caption that stays legible at 128 px (the engine shrinks longer text to fit). */
export const CAPTION_MAX_LENGTH = 16;

type Row = [id: string, label: string, glyph: string, tags: string, seconds: number, frames: number];

/** Builds a definition from a compact row, so the catalog reads as a table. */
function define([id, label, glyph, tags, seconds, frames]: Row, accent: string, suggestion: string) {
  return {
    id,
    label,
    glyph,
    tags: tags.split(' '),
    defaultDurationMs: seconds * 1000,
    defaultFrames: frames,
    params: {
      speed: SPEED,
      intensity: INTENSITY,
      caption: { maxLength: CAPTION_MAX_LENGTH, suggestion },
      accent: { default: accent },
    },
  } satisfies ActionDefinition;
}

export const ACTIONS: readonly ActionDefinition[] = [
  define(['hello', 'Hello', '👋', 'greeting', 2, 16], '#ffd36b', 'Hi!'),
  define(['bye', 'Bye', '🖐️', 'greeting', 2, 16], '#ffd36b', 'Bye!'),
  define(['love', 'Love', '😍', 'feeling love', 2, 16], '#ff4f86', 'Love you'),
  define(['kiss', 'Kiss', '😘', 'feeling love', 2, 16], '#ff4f86', 'Chu!'),
  define(['laugh', 'Laugh', '😂', 'feeling happy', 1, 10], '#ff9d2e', 'LOL'),
  define(['cry', 'Cry', '😭', 'feeling sad', 2, 16], '#5cb8ff', 'Waah'),
  define(['sad', 'Sad', '😢', 'feeling sad', 3, 18], '#5cb8ff', 'Sigh…'),
  define(['angry', 'Angry', '😠', 'feeling', 1, 10], '#ff3b4f', 'Grr!'),
  define(['surprised', 'Surprised', '😲', 'feeling', 2, 16], '#ffcc33', 'Wow!'),
  define(['shock', 'Shock', '😱', 'feeling', 2, 16], '#6f7dff', 'No way'),
  define(['sleepy', 'Sleepy', '😴', 'feeling night', 3, 18], '#8ea2ff', 'Zzz'),
  define(['goodnight', 'Good night', '🌙', 'greeting night', 3, 18], '#ffd95a', 'Good night'),
  define(['thanks', 'Thanks', '🙇', 'greeting reply', 2, 16], '#ffd54a', 'Thank you!'),
  define(['sorry', 'Sorry', '🙏', 'greeting reply', 2, 16], '#bfe6ff', 'Sorry!'),
  define(['yes', 'Yes', '🙆', 'reply', 1, 10], '#3ccf6e', 'Yes!'),
  define(['no', 'No', '🙅', 'reply', 1, 10], '#ff4d5e', 'No'),
  define(['ok', 'OK', '👌', 'reply', 2, 14], '#ff6b8b', 'OK!'),
  define(['jump', 'Jump', '🦘', 'motion happy', 1, 12], '#ffffff', 'Yay!'),
  define(['dance', 'Dance', '💃', 'motion happy', 2, 16], '#8e6cff', '♪'),
  define(['spin', 'Spin', '🌀', 'motion', 2, 16], '#7fd3ff', 'Wheee'),
  define(['party', 'Party', '🎉', 'celebration', 2, 16], '#ff5c8a', 'Party!'),
  define(['celebrate', 'Celebrate', '🎆', 'celebration', 2, 16], '#ffcc33', 'Congrats!'),
  define(['thinking', 'Thinking', '🤔', 'feeling', 2, 14], '#7b8cff', 'Hmm…'),
  define(['shy', 'Shy', '☺️', 'feeling love', 2, 16], '#ff6f91', 'Hehe'),
  define(['sweat', 'Nervous', '😅', 'feeling', 2, 16], '#8fd3ff', 'Oops'),
  define(['excited', 'Excited', '🤩', 'feeling happy', 1, 12], '#ffd23f', 'Wow!!'),
  define(['cheer', 'Cheer', '📣', 'reply celebration', 2, 16], '#ff7a1a', 'You got this!'),
  define(['hungry', 'Hungry', '🍙', 'feeling', 2, 16], '#8fd3ff', 'Hungry…'),
];

const BY_ID = new Map(ACTIONS.map((a) => [a.id, a]));

/** Looks an action up by id; undefined when the catalog has no such action. */
export function findAction(id: string): ActionDefinition | undefined {
  return BY_ID.get(id);
}

/** Per-emoji knobs a user may turn. Every field is optional; the engine has defaults. */
export interface ActionParams {
  /** 0.5 (slow) to 2 (fast); scales motion cycles per loop, not the loop time. */
  speed?: number;
  /** 0 (subtle) to 1 (strong). */
  intensity?: number;
  /** Short caption drawn under the character. */
  caption?: string;
  /** Accent colour for effects, `#rrggbb`. */
  accent?: string;
  /** Variation seed for effects with randomness (confetti, tears). */
  seed?: number;
}

export const MIN_SET_SIZE = 1;
export const MAX_SET_SIZE = 40;
