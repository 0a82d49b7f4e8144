/**
 * Watches training runs start and end, so the Train panel can show elapsed time with an estimate and
 * the run history keeps every run: at the start it notes the time, the settings and how long the same
 * work on the same data took last time; at the end it records the strategies that finished in the run
 * (a cancelled run keeps what finished, marked partial). Nothing here trains or asks the worker.
 */
import type { StoreApi } from 'zustand/vanilla';
import {
  nextRunName,
  summarizeStrategies,
  type RunRecord,
  type RunSettings,
} from '../core/report/run-record';
import type { ReportStrategy } from '../core/report/report-types';
import type { LabState } from './create-lab-store';
import { activePreset } from './active-preset';

interface RunStart {
  at: number;
  ids: string[];
  settings: RunSettings;
  dataset: RunRecord['dataset'];
}

function settingsOf(s: LabState, ids: readonly string[]): RunSettings {
  return {
    seed: s.seed,
    backend: s.backend,
    workers: s.workers,
    preset: activePreset(s.catalog, s.strategies),
    thresholds: { ...s.thresholds },
    options: Object.fromEntries(ids.map((id) => [id, { ...(s.strategies[id]?.options ?? {}) }])),
  };
}

/** Same data, same strategies, same settings but the seed: the work whose duration predicts this run's. */
export function sameWork(run: RunRecord, start: Omit<RunStart, 'at'>): boolean {
  const key = (ids: readonly string[]) => [...ids].sort().join(',');
  const { settings: a } = run;
  const b = start.settings;
  return (
    run.outcome === 'complete' &&
    run.dataset.fingerprint === start.dataset.fingerprint &&
    key(run.requested) === key(start.ids) &&
    a.backend === b.backend &&
    String(a.workers) === String(b.workers) &&
    JSON.stringify(start.ids.map((id) => a.options[id])) ===
      JSON.stringify(start.ids.map((id) => b.options[id]))
  );
}

/** Start watching; `now` is the clock (tests pass their own). */
export function watchRuns(store: StoreApi<LabState>, now: () => number = Date.now): () => void {
  let start: RunStart | undefined;
  let counter = 0;
  return store.subscribe((s, prev) => {
    if (prev.runId === undefined && s.runId !== undefined && s.summary) {
      const begun: Omit<RunStart, 'at'> = {
        ids: [...s.runStrategies],
        settings: settingsOf(s, s.runStrategies),
        dataset: {
          fileName: s.summary.fileName,
          fingerprint: s.summary.fingerprint,
          rows: s.summary.rows,
          users: s.summary.users.length,
        },
      };
      start = { ...begun, at: now() };
      const previous = s.runs.find((r) => sameWork(r, begun));
      store.setState({ runClock: { startedAt: start.at, previousMs: previous?.durationMs } });
      return;
    }
    if (prev.runId !== undefined && s.runId === undefined && start) {
      const begun = start;
      start = undefined;
      const durationMs = now() - begun.at;
      store.setState({ runClock: { lastMs: durationMs } });
      const finished = begun.ids
        .filter((id) => s.progress[id]?.done)
        .map((id) => s.results[id])
        .filter((e): e is ReportStrategy => e !== undefined);
      if (finished.length === 0) return;
      const startedAt = new Date(begun.at).toISOString();
      counter += 1;
      void s.addRun({
        id: `run-${startedAt}-${counter}`,
        name: nextRunName(s.runs),
        startedAt,
        durationMs,
        outcome: finished.length === begun.ids.length ? 'complete' : 'partial',
        requested: begun.ids,
        dataset: begun.dataset,
        settings: { ...begun.settings, backendUsed: s.reportFrame?.backend },
        strategies: summarizeStrategies(finished),
      });
    }
  });
}
