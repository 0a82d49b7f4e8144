/**
 * Every model's validation rows written straight into the fused engine's staged batch (zeroed memory, each
 * model indexing its own tables): what validationHostBatch gives with those table sizes, without packing
 * the rows first, and with a phase's second head copying the first head's rows and writing only its
 * targets. On EdNet a helper spent 167 ms of its training in validationHostBatch. Framework-free.
 */
import { FEATURE_COUNT } from '../../features/history-features';
import type { EncodedRows } from '../../features/encoded-rows';
import type { BatchSource } from '../loop/packed-rows';
import type { HostBatch } from '../loop/stacked-batch';

/** Fills `into` (k models × b rows, all zero) with each model's validation rows; returns it. */
export function stageValidationRows(sources: readonly (BatchSource | null)[], into: HostBatch): HostBatch {
  const { b, user, topic, difficulty, history, coef, real } = into;
  const first = new Map<EncodedRows, number>();
  sources.forEach((source, m) => {
    if (!source) return;
    const { rows, target } = source;
    const n = Math.min(rows.n, b);
    const at = m * b;
    into.count[m] = n;
    into.target.set(target.subarray(0, n), at);
    const twin = first.get(rows);
    if (twin !== undefined) {
      const from = twin * b;
      for (const column of [user, topic, difficulty, coef, real]) column.copyWithin(at, from, from + n);
      history.copyWithin(at * FEATURE_COUNT, from * FEATURE_COUNT, (from + n) * FEATURE_COUNT);
      return;
    }
    first.set(rows, m);
    user.set(rows.user.subarray(0, n), at);
    topic.set(rows.topic.subarray(0, n), at);
    difficulty.set(rows.difficulty.subarray(0, n), at);
    history.set(rows.history.subarray(0, n * FEATURE_COUNT), at * FEATURE_COUNT);
    // Each row's weight over the model's weight sum (summed in row order, as validationHostBatch does).
    let sum = 0;
    for (let j = 0; j < rows.n; j++) sum += rows.weight[j] as number;
    for (let j = 0; j < n; j++) {
      coef[at + j] = sum > 0 ? (rows.weight[j] as number) / sum : 0;
      real[at + j] = 1;
    }
  });
  return into;
}
