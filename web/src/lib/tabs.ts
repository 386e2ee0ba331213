/** Keyboard moves within a tab list (WAI-ARIA tabs pattern, horizontal, wrapping). */

/** The tab `key` moves to from `index` among `count` tabs, or null when the key is not a tab move. */
export function tabKeyTarget(key: string, index: number, count: number): number | null {
  if (count <= 0) return null;
  switch (key) {
    case 'ArrowRight':
      return (index + 1) % count;
    case 'ArrowLeft':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
