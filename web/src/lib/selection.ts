/**
 * Helpers over an ordered list of action ids. Duplicates are allowed — the API
 * renders each copy with a different variation.
 */

/** The first `n` catalog ids, cycling through the catalog again when `n` exceeds its size. */
export function pickFirst(catalog: readonly string[], n: number, max = Number.POSITIVE_INFINITY): string[] {
  if (catalog.length === 0) return [];
  const count = Math.max(0, Math.min(Math.floor(n), max));
  return Array.from({ length: count }, (_, i) => catalog[i % catalog.length]);
}

/** How many times each id occurs in the selection. */
export function countById(selection: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of selection) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}
