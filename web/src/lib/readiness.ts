import { checkSetSize } from './selection.ts';

export interface ReadinessInput {
  source: 'upload' | 'character';
  hasFile: boolean;
  characterId: string | null;
  count: number;
  min: number;
  max: number;
}

/** The first thing stopping a submit, phrased as what to do next; null when ready. */
export function whyNotReady({
  source,
  hasFile,
  characterId,
  count,
  min,
  max,
}: ReadinessInput): string | null {
  if (source === 'upload' && !hasFile) return 'Add an image of your character to continue.';
  if (source === 'character' && !characterId) return 'Pick a built-in character to continue.';
  const size = checkSetSize(count, min, max);
  if (size?.kind === 'too-few') {
    const more = min - count;
    return count === 0
      ? `Pick at least ${min} actions.`
      : `Pick ${more} more action${more === 1 ? '' : 's'} — LINE needs at least ${min}.`;
  }
  if (size?.kind === 'too-many') return `Remove ${count - max} — LINE allows at most ${max}.`;
  return null;
}
