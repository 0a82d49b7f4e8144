/**
 * The far side of a lane: given the dataset once, run any LaneJob the way runComparison's own lane
 * would (same split, same evaluation data, same training) and hand back its JSON entry and model.
 * Used by the helper worker; tests use it in-process to check a lane changes nothing in the report.
 */
import type { Task } from '../data/task';
import type { EvaluationData } from '../evaluation/evaluate-strategy';
import { resolveChoice } from '../strategies/strategy-spec';
import type { ProgressEvent, TrainedStrategy } from '../strategies/types';
import type { ScoredRows } from '../evaluation/counted-run';
import { seedEntry } from '../report/build-report';
import { evaluationSetup, heldOutOf } from './evaluation-setup';
import type { LaneJob, LaneOutput } from './strategy-lanes';
import { trainAndEvaluate } from './train-and-evaluate';

export interface LaneResult extends LaneOutput {
  /** Absent when the strategy failed; the caller owns it (and disposes it unless the job keeps it). */
  model?: TrainedStrategy;
}

export type LaneRunner = (
  job: LaneJob,
  hooks: { signal?: AbortSignal; onProgress?: (event: ProgressEvent) => void },
) => Promise<LaneResult>;

/** A runner for `tasks`; the evaluation setup is built once per thresholds and resamples (any seed). */
export function laneRunner(tasks: readonly Task[]): LaneRunner {
  let cached:
    { key: string; trainIndices: readonly number[]; evalData: EvaluationData; rows: ScoredRows } | undefined;
  return async (job, hooks) => {
    const strategy = resolveChoice(job.strategy);
    const key = JSON.stringify([job.thresholds, job.resamples ?? null]);
    if (cached?.key !== key) {
      const { split, evalData } = evaluationSetup(tasks, {
        seed: job.seed,
        thresholds: job.thresholds,
        resamples: job.resamples,
      });
      cached = {
        key,
        trainIndices: split.trainIndices,
        evalData,
        rows: heldOutOf(tasks).rows,
      };
    }
    const outcome = await trainAndEvaluate(strategy, {
      tasks,
      trainIndices: cached.trainIndices,
      evalData: { ...cached.evalData, seed: job.seed },
      seed: job.seed,
      validation: job.validation,
      signal: hooks.signal,
      onProgress: hooks.onProgress,
    });
    return outcome.kind === 'failed'
      ? { entry: { ...outcome.entry } }
      : {
          entry: seedEntry(outcome.entry, cached.rows),
          heldOut: outcome.entry.heldOut,
          model: outcome.model,
        };
  };
}
