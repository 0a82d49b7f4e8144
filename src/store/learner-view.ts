/**
 * "Try a learner" as the page draws it: one row per trained strategy in catalog order, with the prediction
 * for the edited answers beside the one for the answers as loaded (so each edit's effect reads as a change).
 */
import type { WhatIfPrediction } from '../worker/protocol';
import type { LabState } from './create-lab-store';

export interface LearnerRow {
  id: string;
  label: string;
  pCorrect?: number;
  timeSeconds?: number;
  /** For the unedited answers. */
  basePCorrect?: number;
  baseTimeSeconds?: number;
  /** Why this strategy has no prediction. */
  missing?: string;
}

const valueOf = (p: WhatIfPrediction | undefined) =>
  p && 'pCorrect' in p ? { pCorrect: p.pCorrect, timeSeconds: p.timeSeconds } : undefined;

export function learnerRows(
  order: readonly string[],
  predictions: readonly WhatIfPrediction[] | undefined,
  baseline: readonly WhatIfPrediction[] | undefined,
): LearnerRow[] {
  if (!predictions) return [];
  const rank = (id: string) => {
    const i = order.indexOf(id);
    return i < 0 ? order.length : i;
  };
  return [...predictions]
    .sort((a, b) => rank(a.strategyId) - rank(b.strategyId))
    .map((p) => {
      const now = valueOf(p);
      const base = valueOf(baseline?.find((b) => b.strategyId === p.strategyId));
      return {
        id: p.strategyId,
        label: p.label,
        ...(now ?? { missing: 'missing' in p ? p.missing : 'no prediction' }),
        ...(base ? { basePCorrect: base.pCorrect, baseTimeSeconds: base.timeSeconds } : {}),
      };
    });
}

let last: { args: unknown[]; rows: LearnerRow[] } | undefined;
/** Memoised on its inputs, so components re-render only when a prediction changes. */
export function displayLearnerRows(state: LabState): LearnerRow[] {
  const args = [state.catalog, state.learnerPredictions, state.learnerBaseline];
  if (!last || last.args.some((a, i) => a !== args[i])) {
    last = {
      args,
      rows: learnerRows(
        state.catalog.map((m) => m.id),
        state.learnerPredictions,
        state.learnerBaseline,
      ),
    };
  }
  return last.rows;
}
