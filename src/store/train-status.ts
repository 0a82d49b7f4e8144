/**
 * What the role="status" region says while a run trains, and when it ends: "All strategies trained"
 * (docs/contract.md §4) only when every strategy of the run trained; otherwise the count of each ("5 trained,
 * 1 failed"), so a run with a failure never reads as a success. The failures themselves are listed beside it.
 */
import type { ReportStrategy } from '../core/report/report-types';
import type { RunOutcome } from '../worker/protocol';
import type { StrategyProgress } from './training-slice';

export const ALL_TRAINED = 'All strategies trained';

/** The status of a finished run from its entries; `single` is "Train only this" on one card. */
export function finishedStatus(
  entries: readonly Pick<ReportStrategy, 'status' | 'label'>[],
  scope: 'all' | 'single',
): string {
  const failed = entries.filter((e) => e.status === 'failed').length;
  const trained = entries.length - failed;
  if (scope === 'single' && entries.length === 1) {
    const label = entries[0]?.label ?? 'The strategy';
    return failed === 0 ? `${label} trained` : `${label} failed`;
  }
  if (failed === 0) return ALL_TRAINED;
  if (trained === 0)
    return entries.length === 1 ? 'The strategy failed' : `All ${entries.length} strategies failed`;
  return `${trained} trained, ${failed} failed`;
}

/** "Progressive training: training diverged at epoch 3 (…)" for each failed entry, in run order. */
export function failureLines(entries: readonly Pick<RunOutcome, 'label' | 'status' | 'error'>[]): string[] {
  return entries.flatMap((e) => (e.status === 'failed' ? [`${e.label}: ${e.error ?? ''}`] : []));
}

/**
 * "Training A and B (2 of 6 done)", and with repeats "Training A and B — seed 3 of 5 (12 of 30 runs
 * done)": several strategies train at once when helpers share the work.
 */
export function runningStatus(
  ids: readonly string[],
  progress: Record<string, StrategyProgress>,
  labelOf: (id: string) => string,
  repeats = 1,
): string {
  // Training now: a seed started (seedIndex, 0-based, the highest begun) that has not finished. With
  // repeats, a strategy between two of its seeds is not training, though it is not done.
  const running = ids
    .filter((id) => {
      const p = progress[id];
      return p !== undefined && !p.done && p.seedIndex >= p.seedsDone;
    })
    .map(labelOf);
  const who = running.join(' and ') || '…';
  if (repeats <= 1) {
    const done = ids.filter((id) => progress[id]?.done).length;
    return `Training ${who} (${done} of ${ids.length} done)`;
  }
  const runsDone = ids.reduce((n, id) => n + (progress[id]?.seedsDone ?? 0), 0);
  const seed = Math.min(repeats, 1 + Math.min(...ids.map((id) => progress[id]?.seedsDone ?? 0)));
  return `Training ${who} — seed ${seed} of ${repeats} (${runsDone} of ${ids.length * repeats} runs done)`;
}
