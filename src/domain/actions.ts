/**
 * The action catalog: what a character can do in an emoji. The engine has one
 * motion per id (see src/engine/actions), and a test checks that the two agree.
 * Durations are whole seconds so that every action fits LINE's timing rule as-is.
 */
export interface ActionDefinition {
  id: string;
  label: string;
  /** A Unicode emoji that hints at the action in pickers. */
  glyph: string;
  tags: readonly string[];
  defaultDurationMs: number;
  defaultFrames: number;
}

export const ACTIONS: readonly ActionDefinition[] = [
  {
    id: 'hello',
    label: 'Hello',
    glyph: '👋',
    tags: ['greeting'],
    defaultDurationMs: 2000,
    defaultFrames: 16,
  },
  { id: 'love', label: 'Love', glyph: '😍', tags: ['feeling'], defaultDurationMs: 2000, defaultFrames: 16 },
  { id: 'laugh', label: 'Laugh', glyph: '😂', tags: ['feeling'], defaultDurationMs: 1000, defaultFrames: 10 },
  { id: 'cry', label: 'Cry', glyph: '😭', tags: ['feeling'], defaultDurationMs: 2000, defaultFrames: 16 },
  { id: 'angry', label: 'Angry', glyph: '😠', tags: ['feeling'], defaultDurationMs: 1000, defaultFrames: 10 },
  {
    id: 'surprised',
    label: 'Surprised',
    glyph: '😲',
    tags: ['feeling'],
    defaultDurationMs: 2000,
    defaultFrames: 16,
  },
  {
    id: 'sleepy',
    label: 'Sleepy',
    glyph: '😴',
    tags: ['feeling'],
    defaultDurationMs: 3000,
    defaultFrames: 18,
  },
  {
    id: 'thanks',
    label: 'Thanks',
    glyph: '🙇',
    tags: ['greeting'],
    defaultDurationMs: 2000,
    defaultFrames: 16,
  },
  { id: 'yes', label: 'Yes', glyph: '🙆', tags: ['reply'], defaultDurationMs: 1000, defaultFrames: 10 },
  { id: 'no', label: 'No', glyph: '🙅', tags: ['reply'], defaultDurationMs: 1000, defaultFrames: 10 },
  { id: 'jump', label: 'Jump', glyph: '🦘', tags: ['motion'], defaultDurationMs: 1000, defaultFrames: 12 },
  {
    id: 'party',
    label: 'Party',
    glyph: '🎉',
    tags: ['celebration'],
    defaultDurationMs: 2000,
    defaultFrames: 16,
  },
];

const BY_ID = new Map(ACTIONS.map((a) => [a.id, a]));

/** Looks an action up by id; undefined when the catalog has no such action. */
export function findAction(id: string): ActionDefinition | undefined {
  return BY_ID.get(id);
}

/** Per-emoji knobs a user may turn. Every field is optional; the engine has defaults. */
export interface ActionParams {
  /** 0.5 (slow) to 2 (fast); scales motion amplitude per loop, not the loop time. */
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
