import { useId } from 'react';
import type { ActionInfo } from '../api.ts';
import { countById, pickFirst, toggleAction } from '../lib/selection.ts';
import { SelectedActions } from './SelectedActions.tsx';

const QUICK_PICKS = [8, 16, 24] as const;

interface ActionPickerProps {
  actions: ActionInfo[];
  selection: string[];
  min: number;
  max: number;
  onChange: (selection: string[]) => void;
}

/** Checkboxes for the action catalog, quick picks, and the ordered selection. */
export function ActionPicker({ actions, selection, min, max, onChange }: ActionPickerProps) {
  const countId = useId();
  const counts = countById(selection);
  const ids = actions.map((a) => a.id);
  const inRange = selection.length >= min && selection.length <= max;

  return (
    <div className="actions">
      <div className="actions__toolbar">
        <p className="actions__count" id={countId} aria-live="polite">
          <strong className={inRange ? 'count count--ok' : 'count'}>{selection.length} selected</strong>
          <span className="muted">
            {' '}
            · LINE emoji sets need {min}–{max}
          </span>
        </p>
        <fieldset className="quick-picks">
          <legend className="visually-hidden">Quick pick</legend>
          {QUICK_PICKS.map((n) => (
            <button
              key={n}
              type="button"
              className="button button--small button--ghost"
              onClick={() => onChange(pickFirst(ids, n, max))}
              title={n > ids.length ? `Repeats actions; each copy gets a variation` : undefined}
            >
              Pick {n}
            </button>
          ))}
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={() => onChange([])}
            disabled={selection.length === 0}
          >
            Clear
          </button>
        </fieldset>
      </div>

      <fieldset className="action-grid" aria-describedby={countId}>
        <legend className="visually-hidden">Actions</legend>
        {actions.map((action) => {
          const count = counts.get(action.id) ?? 0;
          return (
            <label key={action.id} className={`action-card${count > 0 ? ' is-selected' : ''}`}>
              <input
                type="checkbox"
                className="action-card__box"
                checked={count > 0}
                onChange={() => onChange(toggleAction(selection, action.id, max))}
              />
              <span className="action-card__glyph" aria-hidden="true">
                {action.glyph}
              </span>
              <span className="action-card__label">{action.label}</span>
              {count > 1 && (
                <span className="action-card__times">
                  ×{count}
                  <span className="visually-hidden"> copies</span>
                </span>
              )}
            </label>
          );
        })}
      </fieldset>

      <SelectedActions actions={actions} selection={selection} onChange={onChange} />
    </div>
  );
}
