import { useCallback, useRef, useState } from 'react';
import { type EmojiDraft, pickDrafts, removeDraft, toggleDraft, updateDraft } from '../lib/emoji-drafts.ts';

/** The editor's emoji drafts with which rows are open, and the operations the pickers call. */
export function useEmojiDrafts(catalog: readonly string[], max: number) {
  const [drafts, setDrafts] = useState<EmojiDraft[]>([]);
  const [openKeys, setOpenKeys] = useState<ReadonlySet<string>>(new Set());
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const counter = useRef(0);
  const newKey = useCallback(() => `emoji-${counter.current++}`, []);

  const toggleOpen = (key: string) => {
    setFocusKey(null);
    setOpenKeys((prev) => {
      const next = new Set(prev);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  };

  return {
    drafts,
    openKeys,
    focusKey,
    toggleOpen,
    toggleAction: (action: string) => setDrafts((prev) => toggleDraft(prev, action, max, newKey)),
    pick: (count: number) => setDrafts(pickDrafts(catalog, count, max, newKey)),
    clear: () => setDrafts([]),
    remove: (key: string) => setDrafts((prev) => removeDraft(prev, key)),
    change: (key: string, patch: Partial<Pick<EmojiDraft, 'caption' | 'accent'>>) =>
      setDrafts((prev) => updateDraft(prev, key, patch)),
    /** Opens the row of emoji number `position` (1-based) and puts the cursor in its caption. */
    reveal: (position: number) => {
      const key = drafts[position - 1]?.key;
      if (!key) return;
      setOpenKeys((prev) => new Set(prev).add(key));
      setFocusKey(key);
    },
  };
}
