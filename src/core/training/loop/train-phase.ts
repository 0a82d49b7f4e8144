/**
 * One training phase of two-head models on their rows: carve each validation slice (per-user or
 * global tail), encode once, then train both heads of every model together in one stacked loop,
 * reporting progress per head and epoch. tfjs only through train-stacked.
 */
import type { Task } from '../../data/task';
import { encodeRows, headTarget } from '../../features/encoded-rows';
import type { TwoHeadModel } from '../../model/two-head-model';
import { HEADS } from '../../model/two-head-model';
import type { Rng } from '../../random/rng';
import { splitTail } from '../../split/temporal-split';
import type { PhaseSummary, ProgressEvent, ValidationOptions } from './training-types';
import { trainStacked, type EpochReport, type PhaseOptions, type PhaseResult } from './train-stacked';
import type { AwayClock } from './yield-task';

export interface PhaseRun {
  strategyId: string;
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
  /** Time the phase spends yielded to the thread's other work is added here (trainMs leaves it out). */
  away?: AwayClock;
  onProgress?: (event: ProgressEvent) => void;
}

/** One model of a phase trained with others: its rows (and weights) and, for a per-user model, its user. */
export type PhaseMember = Pick<PhaseRun, 'indices' | 'weights' | 'userId'> & { model: TwoHeadModel };

/** Train both heads of `model` for one phase; returns one summary per head. */
export async function trainTwoHeadPhase(model: TwoHeadModel, run: PhaseRun): Promise<PhaseSummary[]> {
  const { indices, weights, userId, ...shared } = run;
  const member: PhaseMember = {
    model,
    indices,
    ...(weights ? { weights } : {}),
    ...(userId !== undefined ? { userId } : {}),
  };
  const [summaries] = await trainTwoHeadPhases([member], shared);
  return summaries as PhaseSummary[];
}

/**
 * Train both heads of several models of one architecture together (one stacked loop: e.g. every
 * user's fine-tune at once), each on its own rows. Returns each member's [correctness, time] summaries.
 */
export async function trainTwoHeadPhases(
  members: readonly PhaseMember[],
  run: Omit<PhaseRun, 'indices' | 'weights' | 'userId'>,
): Promise<PhaseSummary[][]> {
  const prepared = members.map((member) => {
    // Only a weighted phase needs each row's weight by row (a map of every row cost 0.5 s on 173k rows).
    const weightOf = member.weights ? rowWeights(run.tasks.length, member.indices, member.weights) : null;
    const { head: fitIdx, tail: valIdx } = splitTail(
      run.tasks,
      member.indices,
      run.validation.share,
      run.validation.mode,
    );
    const encode = (idx: number[]) =>
      encodeRows(
        run.tasks,
        idx,
        run.features,
        member.model.version,
        member.model.encoders,
        weightOf ? idx.map((i) => weightOf[i] as number) : undefined,
      );
    const fit = encode(fitIdx);
    return { member, fit, val: valIdx.length > 0 ? encode(valIdx) : null };
  });
  const stackedModels = prepared.flatMap(({ member, fit, val }) =>
    HEADS.map((head) => ({
      net: member.model[head],
      fit,
      fitTarget: headTarget(fit, head, member.model.timeScale),
      val,
      valTarget: val ? headTarget(val, head, member.model.timeScale) : null,
      onEpoch: (e: EpochReport) =>
        run.onProgress?.({
          strategyId: run.strategyId,
          phase: run.phase,
          head,
          ...(member.userId !== undefined ? { userId: member.userId } : {}),
          ...e,
        }),
    })),
  );
  const results = await trainStacked({
    models: stackedModels,
    options: run.options,
    rng: run.rng,
    ...(run.signal ? { signal: run.signal } : {}),
    ...(run.away ? { away: run.away } : {}),
  });
  return prepared.map(({ member, fit, val }, i) =>
    HEADS.map((head, h) => {
      const result = results[i * HEADS.length + h] as PhaseResult;
      const validLosses = result.valLosses.filter((v): v is number => v !== null);
      return {
        phase: run.phase,
        head,
        ...(member.userId !== undefined ? { userId: member.userId } : {}),
        fitRows: fit.n,
        valRows: val?.n ?? 0,
        epochsRun: result.epochsRun,
        bestEpoch: result.bestEpoch,
        finalLoss: result.losses.at(-1) ?? null,
        bestValLoss: validLosses.length > 0 ? Math.min(...validLosses) : null,
        losses: result.losses,
        valLosses: result.valLosses,
      };
    }),
  );
}

/** Weights by row, reused by every weighted member (each reads back only its own rows, right after). */
let weightByRow = new Float64Array(0);

/**
 * `weights` (aligned with `indices`, rows of a task list of `rows`) by row: a row listed twice keeps its last weight, as a map of them did.
 * A typed array in place of that map: its 110,892 entries cost 10–15 ms a weighted phase on EdNet.
 */
function rowWeights(rows: number, indices: readonly number[], weights: readonly number[]): Float64Array {
  if (weightByRow.length < rows) weightByRow = new Float64Array(Math.max(rows, 2 * weightByRow.length));
  indices.forEach((i, j) => (weightByRow[i] = weights[j] as number));
  return weightByRow;
}
