import type { ActionInfo } from '../api.ts';
import { removeAt } from '../lib/selection.ts';

interface SelectedActionsProps {
  actions: ActionInfo[];
  selection: string[];
  onChange: (selection: string[]) => void;
}

/** The selection in set order; each copy can be removed on its own. */
export function SelectedActions({ actions, selection, onChange }: SelectedActionsProps) {
  if (selection.length === 0) {
    return (
      <p className="muted selected-empty">Nothing selected yet — tick some actions or use a quick pick.</p>
    );
  }
  const byId = new Map(actions.map((a) => [a.id, a]));
  return (
    <div className="selected">
      <h3 className="selected__title">Your set, in order</h3>
      <ol className="chips">
        {selection.map((id, i) => {
          const action = byId.get(id);
          const label = action?.label ?? id;
          return (
            // Copies of an action share an id, so the position is part of the key.
            // biome-ignore lint/suspicious/noArrayIndexKey: order is the identity here
            <li key={`${i}-${id}`} className="chip">
              <span className="chip__num">{i + 1}</span>
              <span aria-hidden="true">{action?.glyph}</span> {label}
              <button
                type="button"
                className="chip__remove"
                onClick={() => onChange(removeAt(selection, i))}
                aria-label={`Remove ${label} (number ${i + 1})`}
              >
                ×
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
