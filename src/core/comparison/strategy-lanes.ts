/**
 * Running a comparison's strategies in parallel lanes (the worker itself plus, in the lab, helper workers
 * on the other cores): each lane takes the next strategy as soon as it is free, longest first, and a lane
 * that breaks hands its strategy back to the others. Pure scheduling; what a lane does is the caller's.
 */
import type { VerdictThresholds } from '../evaluation/verdicts';
import type { StrategyChoice } from '../strategies/strategy-spec';
import type { ProgressEvent, ValidationOptions } from '../strategies/types';
import type { HeldOutPrediction } from '../evaluation/evaluate-strategy';
import type { SeedEntry } from '../report/seed-result';

/** One strategy and seed of a run, with everything of the run that shapes its entry. */
export interface LaneJob {
  /** One of the six with its options, or an own recipe. */
  strategy: StrategyChoice;
  seed: number;
  /**
   * Keep the trained model for export (the run's first seed); otherwise the lane disposes it as soon as
   * it is evaluated, so memory stays that of one model per strategy whatever the repeats.
   */
  keep: boolean;
  /** The tfjs backend the run trains on. */
  backend: string;
  thresholds: VerdictThresholds;
  validation: ValidationOptions;
  resamples?: number;
}

/** What a lane hands back: the seed's entry and, when it trained, its held-out predictions. */
export interface LaneOutput {
  entry: SeedEntry;
  heldOut?: HeldOutPrediction;
}

/** Another place a strategy can be trained and evaluated — same data and seed, so the same entry. */
export interface StrategyLane {
  /** Names the lane in notices, e.g. "Training helper 1". */
  readonly name: string;
  /**
   * Resolves with the seed's entry (ok or failed) and predictions. Rejects with the signal's reason when
   * aborted, and with a LaneLostError when the lane itself broke: the job then runs elsewhere.
   */
  run(
    job: LaneJob,
    hooks: { signal?: AbortSignal; onProgress?: (event: ProgressEvent) => void },
  ): Promise<LaneOutput>;
}

export class LaneLostError extends Error {
  override name = 'LaneLostError';
}

/**
 * Longest first by the catalogue's cost ranks (progressive, architecture fixes, full retrain, weighted loss,
 * per-user, balanced sampling), so no lane is left with a long strategy at the end. The ranks follow the
 * Lab default's measured train times: Strategy 5 is the longest or second longest on EdNet, the generated
 * 100k and the medium file since its slow fine-tune counts more epochs (BUDGET_RATE), per-user the longest only on
 * the 1M / 10,000-user file, and on the sample the order barely matters. An estimate from the batch rule
 * was tried and put the full retrains first on the medium file: early stopping, which it cannot foresee,
 * ends them in a third of their budget there. Equal ranks keep their order.
 */
export const longestFirst = <T extends { costRank: number }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => a.costRank - b.costRank);

/**
 * Run every job once across `lanes` (the first never reports LaneLostError: it is the caller's own).
 * A lane rejecting with LaneLostError puts its job back and takes no more; any other rejection lets the
 * other lanes finish what they hold, takes no new job, and is rethrown.
 */
export async function drainInLanes<J>(
  jobs: readonly J[],
  lanes: readonly ((job: J) => Promise<void>)[],
): Promise<void> {
  const queue = [...jobs];
  let alive = [...lanes];
  let failure: { error: unknown } | undefined;
  const lost = new Set<(job: J) => Promise<void>>();
  const take = async (lane: (job: J) => Promise<void>) => {
    for (let job = queue.shift(); job !== undefined; job = failure ? undefined : queue.shift()) {
      try {
        await lane(job);
      } catch (error) {
        if (error instanceof LaneLostError) {
          queue.unshift(job);
          lost.add(lane);
        } else failure ??= { error };
        return;
      }
    }
  };
  // A job handed back after the other lanes emptied the queue is taken up in another round.
  while (queue.length > 0 && !failure && alive.length > 0) {
    await Promise.all(alive.map(take));
    alive = alive.filter((lane) => !lost.has(lane));
  }
  if (failure) throw failure.error;
  if (queue.length > 0) throw new Error('every lane was lost before the comparison finished');
}
