/**
 * The far side of a lane: given the dataset once, run any LaneJob the way runComparison's own lane
 * would (same split, same evaluation data, same training) and hand back its JSON entry and model.
 * Used by the helper worker; tests use it in-process to check a lane changes nothing in the report.
 */
import type { Task } from '../data/task';
import type { EvaluationData } from '../evaluation/evaluate-strategy';
import { resolveChoice } from '../strategies/strategy-spec';
import type { ProgressEvent, TrainedStrategy } from '../strategies/types';
import { reportStrategy } from '../report/build-report';
import type { ReportStrategy } from '../report/report-types';
import { evaluationSetup } from './run-comparison';
import type { LaneJob } from './strategy-lanes';
import { trainAndEvaluate } from './train-and-evaluate';

export interface LaneResult {
  entry: ReportStrategy;
  /** Absent when the strategy failed; the caller owns it. */
  model?: TrainedStrategy;
}

export type LaneRunner = (
  job: LaneJob,
  hooks: { signal?: AbortSignal; onProgress?: (event: ProgressEvent) => void },
) => Promise<LaneResult>;

/** A runner for `tasks`; the evaluation setup is built once per seed, thresholds and resamples. */
export function laneRunner(tasks: readonly Task[]): LaneRunner {
  let cached: { key: string; trainIndices: readonly number[]; evalData: EvaluationData } | undefined;
  return async (job, hooks) => {
    const strategy = resolveChoice(job.strategy);
    const key = JSON.stringify([job.seed, job.thresholds, job.resamples ?? null]);
    if (cached?.key !== key) {
      const { split, evalData } = evaluationSetup(tasks, {
        seed: job.seed,
        thresholds: job.thresholds,
        resamples: job.resamples,
      });
      cached = { key, trainIndices: split.trainIndices, evalData };
    }
    const outcome = await trainAndEvaluate(strategy, {
      tasks,
      trainIndices: cached.trainIndices,
      evalData: cached.evalData,
      seed: job.seed,
      validation: job.validation,
      signal: hooks.signal,
      onProgress: hooks.onProgress,
    });
    return outcome.kind === 'failed'
      ? { entry: { ...outcome.entry } }
      : { entry: reportStrategy(outcome.entry), model: outcome.model };
  };
}
