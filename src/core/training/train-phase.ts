/**
 * One training phase of a two-head model on a set of rows: carve the validation slice (per-user or
 * global tail of these rows), encode once, then train the correctness head and the time head with
 * the custom loop, reporting progress per epoch. tfjs only through train-head.
 */
import type { Task } from '../data/task';
import { encodeRows, headTarget } from '../features/encoded-rows';
import type { TwoHeadModel } from '../model/two-head-model';
import { HEADS } from '../model/two-head-model';
import type { Rng } from '../random/rng';
import { splitTail } from '../split/temporal-split';
import type { PhaseSummary, ProgressEvent, StrategyId, ValidationOptions } from '../strategies/types';
import { trainHead, type PhaseOptions } from './train-head';

export interface PhaseRun {
  strategyId: StrategyId;
  /** Phase name for progress and summaries. */
  phase: string;
  userId?: string;
  tasks: readonly Task[];
  /** v1 feature matrix of `tasks` (featureMatrixOf). */
  features: Float32Array;
  /** Rows of this phase (chronological positions into `tasks`). */
  indices: readonly number[];
  /** Loss weights aligned with `indices`; default 1. */
  weights?: readonly number[];
  options: PhaseOptions;
  validation: ValidationOptions;
  rng: Rng;
  signal?: AbortSignal;
  onProgress?: (event: ProgressEvent) => void;
}

/** Train both heads of `model` for one phase; returns one summary per head. */
export async function trainTwoHeadPhase(model: TwoHeadModel, run: PhaseRun): Promise<PhaseSummary[]> {
  const weightOf = new Map<number, number>();
  run.indices.forEach((i, j) => weightOf.set(i, run.weights ? (run.weights[j] as number) : 1));
  const { head: fitIdx, tail: valIdx } = splitTail(
    run.tasks,
    run.indices,
    run.validation.share,
    run.validation.mode,
  );
  const encode = (idx: number[]) =>
    encodeRows(
      run.tasks,
      idx,
      run.features,
      model.version,
      model.encoders,
      idx.map((i) => weightOf.get(i) as number),
    );
  const fit = encode(fitIdx);
  const val = valIdx.length > 0 ? encode(valIdx) : null;
  const summaries: PhaseSummary[] = [];
  for (const head of HEADS) {
    const result = await trainHead({
      net: model[head],
      fit,
      fitTarget: headTarget(fit, head, model.timeScale),
      val,
      valTarget: val ? headTarget(val, head, model.timeScale) : null,
      options: run.options,
      rng: run.rng,
      signal: run.signal,
      onEpoch: (e) =>
        run.onProgress?.({
          strategyId: run.strategyId,
          phase: run.phase,
          head,
          ...(run.userId !== undefined ? { userId: run.userId } : {}),
          ...e,
        }),
    });
    const validLosses = result.valLosses.filter((v): v is number => v !== null);
    summaries.push({
      phase: run.phase,
      head,
      ...(run.userId !== undefined ? { userId: run.userId } : {}),
      fitRows: fit.n,
      valRows: val?.n ?? 0,
      epochsRun: result.epochsRun,
      bestEpoch: result.bestEpoch,
      finalLoss: result.losses.at(-1) ?? null,
      bestValLoss: validLosses.length > 0 ? Math.min(...validLosses) : null,
      losses: result.losses,
      valLosses: result.valLosses,
    });
  }
  return summaries;
}
