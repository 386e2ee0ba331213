import type { ActionInfo } from '../api.ts';
import type { EmojiDraft } from '../lib/emoji-drafts.ts';
import { EmojiDraftRow } from './EmojiDraftRow.tsx';

interface EmojiDraftListProps {
  actions: ActionInfo[];
  drafts: EmojiDraft[];
  openKeys: ReadonlySet<string>;
  focusKey: string | null;
  onToggleOpen: (key: string) => void;
  onChange: (key: string, patch: Partial<Pick<EmojiDraft, 'caption' | 'accent'>>) => void;
  onRemove: (key: string) => void;
}

/** The set in order; each emoji opens to take a caption and an accent colour, and can be removed alone. */
export function EmojiDraftList({
  actions,
  drafts,
  openKeys,
  focusKey,
  onToggleOpen,
  onChange,
  onRemove,
}: EmojiDraftListProps) {
  if (drafts.length === 0) {
    return (
      <p className="muted selected-empty">Nothing selected yet — tick some actions or use a quick pick.</p>
    );
  }
  const byId = new Map(actions.map((a) => [a.id, a]));
  return (
    <div className="selected">
      <h3 className="selected__title">Your set, in order</h3>
      <p className="muted selected__hint">Open an emoji to give it a caption or its own colour.</p>
      <ol className="drafts">
        {drafts.map((d, i) => (
          <EmojiDraftRow
            key={d.key}
            draft={d}
            position={i + 1}
            action={byId.get(d.action)}
            open={openKeys.has(d.key)}
            focusCaption={focusKey === d.key}
            onToggleOpen={() => onToggleOpen(d.key)}
            onChange={(patch) => onChange(d.key, patch)}
            onRemove={() => onRemove(d.key)}
          />
        ))}
      </ol>
    </div>
  );
}
