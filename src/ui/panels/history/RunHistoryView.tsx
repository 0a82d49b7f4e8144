/**
 * The "Run history" view: every training run of this browser, newest first, kept with the session in
 * IndexedDB (name, when, data, settings changed from the run before, headline numbers with intervals),
 * renamed and deleted one by one — and any two of them compared side by side.
 */
import { useState } from 'react';
import { settingChanges } from '../../../core/report/run-record';
import { useLab } from '../../common/lab-store-context';
import { RunCard } from './RunCard';
import { RunCompare } from './RunCompare';
import { optionLabel } from '../../common/option-labels';
import './history.css';

export function RunHistoryView() {
  const runs = useLab((s) => s.runs);
  const error = useLab((s) => s.historyError);
  const catalog = useLab((s) => s.catalog);
  const [picked, setPicked] = useState<{ a?: string; b?: string }>({});
  const labelOf = (id: string) => catalog.find((m) => m.id === id)?.label ?? id;
  const valid = (id: string | undefined) => (runs.some((r) => r.id === id) ? id : undefined);
  // Defaults: the run before the newest as A, the newest as B.
  const a = valid(picked.a) ?? runs[1]?.id ?? runs[0]?.id;
  const b = valid(picked.b) ?? runs[0]?.id;
  return (
    <>
      <section className="panel" aria-labelledby="history-heading">
        <h2 id="history-heading">Run history</h2>
        <p className="hint">
          Every training run of this browser, newest first, kept with the session (Clear all data removes
          them). Numbers in brackets are 95 % intervals.
        </p>
        {error && <p className="export-message error">{error}</p>}
        {runs.length === 0 ? (
          <p>No training run yet. Runs appear here as soon as one ends in the Lab.</p>
        ) : (
          <ol className="run-list" aria-label="Training runs, newest first">
            {runs.map((run, i) => {
              const previous = runs[i + 1];
              return (
                <li key={run.id}>
                  <RunCard
                    run={run}
                    changes={previous ? settingChanges(previous, run, labelOf, optionLabel) : undefined}
                  />
                </li>
              );
            })}
          </ol>
        )}
      </section>
      {runs.length >= 2 && (
        <RunCompare
          runs={runs}
          a={a}
          b={b}
          labelOf={labelOf}
          onPick={(side, id) => setPicked((p) => ({ ...p, [side]: id }))}
        />
      )}
    </>
  );
}
