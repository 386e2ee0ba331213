/**
 * The editor's action selection: an ordered list of action ids. Duplicates are
 * allowed — the API renders each copy with a different variation.
 */

/** The first `n` catalog ids, cycling through the catalog again when `n` exceeds its size. */
export function pickFirst(catalog: readonly string[], n: number, max = Number.POSITIVE_INFINITY): string[] {
  if (catalog.length === 0) return [];
  const count = Math.max(0, Math.min(Math.floor(n), max));
  return Array.from({ length: count }, (_, i) => catalog[i % catalog.length]);
}

/** Adds `id` at the end when absent, or removes every copy of it when present. */
export function toggleAction(
  selection: readonly string[],
  id: string,
  max = Number.POSITIVE_INFINITY,
): string[] {
  if (selection.includes(id)) return selection.filter((s) => s !== id);
  if (selection.length >= max) return [...selection];
  return [...selection, id];
}

/** Removes the copy at `position`, keeping the order of the rest. */
export function removeAt(selection: readonly string[], position: number): string[] {
  return selection.filter((_, i) => i !== position);
}

/** How many times each id occurs in the selection. */
export function countById(selection: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of selection) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

export type SelectionProblem = { kind: 'too-few'; min: number } | { kind: 'too-many'; max: number } | null;

/** Checks the set size against a platform's bounds. */
export function checkSetSize(count: number, min: number, max: number): SelectionProblem {
  if (count < min) return { kind: 'too-few', min };
  if (count > max) return { kind: 'too-many', max };
  return null;
}
