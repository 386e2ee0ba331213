/**
 * Built-in characters: drawn from code by the engine (src/engine/characters),
 * so a user without an image can still make a set. Each has a default colour and
 * a few named colour presets; any `#rrggbb` colour is accepted too.
 */
export interface CharacterDefinition {
  id: string;
  label: string;
  defaultColor: string;
  presets: Readonly<Record<string, string>>;
}

export const CHARACTERS: readonly CharacterDefinition[] = [
  {
    id: 'blob',
    label: 'Blob',
    defaultColor: '#7cc6fe',
    presets: { sky: '#7cc6fe', mint: '#8fe3b0', peach: '#ffb38a', lilac: '#c5a3ff' },
  },
  {
    id: 'cat',
    label: 'Cat',
    defaultColor: '#ffb347',
    presets: { ginger: '#ffb347', grey: '#a7adba', snow: '#f4f1ea', black: '#3b3b46' },
  },
  {
    id: 'bear',
    label: 'Bear',
    defaultColor: '#b07a4f',
    presets: { brown: '#b07a4f', honey: '#e0a75e', panda: '#f2f2f2', pink: '#f4a7b9' },
  },
  {
    id: 'bunny',
    label: 'Bunny',
    defaultColor: '#f6f0ea',
    presets: { snow: '#f6f0ea', cocoa: '#a8826a', sakura: '#ffc4d6', grey: '#b9b4c7' },
  },
  {
    id: 'chick',
    label: 'Chick',
    defaultColor: '#ffd95a',
    presets: { lemon: '#ffd95a', cream: '#fff1c9', peach: '#ffb99a', mint: '#a8e6c8' },
  },
  {
    id: 'frog',
    label: 'Frog',
    defaultColor: '#7ccf6b',
    presets: { leaf: '#7ccf6b', lime: '#b5e35c', teal: '#56c2b4', berry: '#ff8fab' },
  },
];

const BY_ID = new Map(CHARACTERS.map((c) => [c.id, c]));

/** Looks a built-in character up by id. */
export function findCharacter(id: string): CharacterDefinition | undefined {
  return BY_ID.get(id);
}

const HEX = /^#[0-9a-f]{6}$/i;

/** The colour if it is the character's default or one of its presets (by name or `#rrggbb`), else undefined. */
export function presetColor(character: CharacterDefinition, color?: string): string | undefined {
  const resolved = resolveCharacterColor(character, color);
  if (resolved === character.defaultColor || Object.values(character.presets).includes(resolved ?? '')) {
    return resolved;
  }
  return undefined;
}

/** Resolves a colour given as a preset name or `#rrggbb`; undefined when it is neither. */
export function resolveCharacterColor(character: CharacterDefinition, color?: string): string | undefined {
  if (color === undefined || color === '') return character.defaultColor;
  const preset = character.presets[color.toLowerCase()];
  if (preset) return preset;
  return HEX.test(color) ? color.toLowerCase() : undefined;
}
