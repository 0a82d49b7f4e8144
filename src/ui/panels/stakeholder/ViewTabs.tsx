/**
 * The views of the page as tabs: "Lab" (import, train, compare), "Try a learner" (what each trained
 * strategy predicts for a learner you edit), "Run history" (every run of this browser, two side by side)
 * and "Stakeholder summary" (the answer in plain language). Arrow keys move between tabs, as the ARIA tabs pattern expects.
 */
import { useRef, type KeyboardEvent } from 'react';
import './stakeholder.css';

export type View = 'lab' | 'learner' | 'history' | 'stakeholder';

export const VIEWS: readonly { view: View; label: string }[] = [
  { view: 'lab', label: 'Lab' },
  { view: 'learner', label: 'Try a learner' },
  { view: 'history', label: 'Run history' },
  { view: 'stakeholder', label: 'Stakeholder summary' },
];

export const tabId = (view: View) => `tab-${view}`;
export const panelId = (view: View) => `view-${view}`;

export function ViewTabs({ view, onChange }: { view: View; onChange(view: View): void }) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    const target =
      event.key === 'Home' ? 0 : event.key === 'End' ? VIEWS.length - 1 : step ? index + step : undefined;
    if (target === undefined) return;
    event.preventDefault();
    const next = (target + VIEWS.length) % VIEWS.length;
    onChange((VIEWS[next] as (typeof VIEWS)[number]).view);
    refs.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label="Views" className="view-tabs">
      {VIEWS.map((v, i) => (
        <button
          key={v.view}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={tabId(v.view)}
          aria-selected={view === v.view}
          aria-controls={panelId(v.view)}
          tabIndex={view === v.view ? 0 : -1}
          className="view-tabs__tab"
          onClick={() => onChange(v.view)}
          onKeyDown={(e) => onKeyDown(e, i)}
        >
          {v.label}
        </button>
      ))}
    </div>
  );
}
