import { type KeyboardEvent, type ReactNode, useRef } from 'react';
import { tabKeyTarget } from '../lib/tabs.ts';

export interface TabItem {
  id: string;
  label: string;
  /** A short state after the label ("not made"), read as part of the tab's name. */
  note?: string;
}

interface PlatformTabsProps {
  tabs: TabItem[];
  selected: string;
  onSelect: (id: string) => void;
  /** The selected tab's panel. */
  children: ReactNode;
}

const tabId = (id: string) => `platform-tab-${id}`;
const panelId = (id: string) => `platform-panel-${id}`;

/**
 * WAI-ARIA tabs, one per platform: arrow keys, Home and End move and select
 * (automatic activation), only the selected tab is in the Tab order (Tab then
 * goes on into the panel's own links and buttons), and only
 * the selected panel is mounted, so a set of seven platforms plays one set of
 * animations at a time.
 */
export function PlatformTabs({ tabs, selected, onSelect, children }: PlatformTabsProps) {
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const index = Math.max(
    0,
    tabs.findIndex((t) => t.id === selected),
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = tabKeyTarget(event.key, index, tabs.length);
    if (target === null) return;
    event.preventDefault();
    const next = tabs[target];
    onSelect(next.id);
    buttons.current.get(next.id)?.focus();
  };

  const current = tabs[index];
  return (
    <div className="platform-tabs">
      <div role="tablist" aria-label="Platforms" className="platform-tabs__list" onKeyDown={onKeyDown}>
        {tabs.map((t) => {
          const isSelected = t.id === current?.id;
          return (
            <button
              key={t.id}
              ref={(el) => {
                if (el) buttons.current.set(t.id, el);
                else buttons.current.delete(t.id);
              }}
              type="button"
              role="tab"
              id={tabId(t.id)}
              aria-selected={isSelected}
              aria-controls={isSelected ? panelId(t.id) : undefined}
              tabIndex={isSelected ? 0 : -1}
              className={`platform-tab${t.note ? ' platform-tab--muted' : ''}`}
              onClick={() => onSelect(t.id)}
            >
              {t.label}
              {t.note && <span className="platform-tab__note"> · {t.note}</span>}
            </button>
          );
        })}
      </div>
      {current && (
        <div
          role="tabpanel"
          id={panelId(current.id)}
          aria-labelledby={tabId(current.id)}
          className="platform-tabs__panel"
        >
          {children}
        </div>
      )}
    </div>
  );
}
