/**
 * Everything the lab measures about one trained strategy: held-out scores, the design note's three checks
 * (continuity, response probe, generalisation sweep) and the verdicts, as one in-memory entry that
 * build-report turns into JSON. Knows strategies only through TrainedStrategy / Predictor (no tfjs).
 */
import type { Task } from '../data/task';
import { taskContextsAt, type TaskContext } from '../features/task-context';
import type { PhaseSummary, TrainedStrategy } from '../strategies/types';
import type { InfluenceRow } from '../training/loop/sampling';
import { runGeneralisationSweep, type GeneralisationSweep } from './generalisation-sweep';
import { scoreHeldOut, type HeldOutScores } from './held-out-scores';
import type { UserSpread } from './per-user-spread';
import { checkResponse, type ResponseViolation } from './response-check';
import {
  PROBE_STEPS,
  runResponseProbes,
  userStates,
  type ProbeResult,
  type UserState,
} from './response-probe';
import { DEFAULT_THRESHOLDS, verdicts, type VerdictThresholds, type Verdicts } from './verdicts';
import { timeScatter, type TimeScatter } from './time-scatter';

/** What a strategy is evaluated on; build `states` and `testContexts` once per run and share them. */
export interface EvaluationData {
  /** All tasks, chronological (the dataset). */
  tasks: readonly Task[];
  /** Held-out positions into `tasks`, chronological. */
  testIndices: readonly number[];
  /** Contexts of the held-out rows, aligned with `testIndices`; built from `tasks` when omitted. */
  testContexts?: readonly TaskContext[];
  /** Users' current states (see `userStates`); computed when omitted. */
  states?: readonly UserState[];
  /** Seeds the bootstrap. */
  seed: number;
  /** Any subset; the rest from DEFAULT_THRESHOLDS. */
  thresholds?: Partial<VerdictThresholds>;
  /** Bootstrap resamples, default 1000. */
  resamples?: number;
  /** Checked between the three predict passes. */
  signal?: AbortSignal;
}

/**
 * One strategy's results, field names as in docs/contract.md §2, in memory: metrics may be undefined and
 * varianceRatio Infinity (build-report encodes both for JSON).
 */
export interface StrategyEvaluation {
  id: TrainedStrategy['id'];
  label: string;
  options: Record<string, unknown>;
  /** An own recipe's recipe. */
  recipe?: TrainedStrategy['recipe'];
  /** Wall-clock training time, ms. */
  trainMs: number;
  trainingInfluence: InfluenceRow[];
  /** Each phase's summary with its per-epoch loss curves. */
  phases: PhaseSummary[];
  test: HeldOutScores['test'] & { intervals: HeldOutScores['intervals'] };
  testMacroByUser: HeldOutScores['macroByUser'];
  distribution: HeldOutScores['distribution'];
  reliability: HeldOutScores['reliability'];
  groundTruth: HeldOutScores['groundTruth'];
  /** Predicted against actual seconds of the held-out rows, binned (the time head's chart). */
  timeScatter: TimeScatter;
  /** Spread over each user's topic × difficulty grid. */
  perUser: UserSpread[];
  varianceRatio: number;
  generalisation: Pick<GeneralisationSweep, 'topics' | 'difficulties' | 'grid'>;
  responseProbes: ProbeResult[];
  responseViolations: ResponseViolation[];
  verdicts: Verdicts;
}

/** Thresholds with every key filled (an explicit undefined keeps the default, as `verdicts` does). */
export function resolveThresholds(thresholds: Partial<VerdictThresholds> = {}): VerdictThresholds {
  const t: VerdictThresholds = { ...DEFAULT_THRESHOLDS };
  for (const key of Object.keys(DEFAULT_THRESHOLDS) as (keyof VerdictThresholds)[]) {
    const v = thresholds[key];
    if (v !== undefined) t[key] = v;
  }
  return t;
}

/** Predict the held-out rows, run the probe and the sweep, and judge them. */
export async function evaluateStrategy(
  trained: TrainedStrategy,
  data: EvaluationData,
): Promise<StrategyEvaluation> {
  const { tasks, testIndices, signal } = data;
  const thresholds = resolveThresholds(data.thresholds);
  const testContexts = data.testContexts ?? heldOutContexts(tasks, testIndices);
  const states = data.states ?? userStates(tasks);

  signal?.throwIfAborted();
  const prediction = await trained.predict(testContexts);
  const scores = scoreHeldOut(tasks, testIndices, prediction, { seed: data.seed, resamples: data.resamples });
  signal?.throwIfAborted();
  const probes = await runResponseProbes(trained, tasks, PROBE_STEPS, states);
  signal?.throwIfAborted();
  const sweep = await runGeneralisationSweep(trained, tasks, states);
  const response = checkResponse(probes, thresholds.responseTolerance);

  return {
    id: trained.id,
    label: trained.label,
    options: trained.options,
    ...(trained.recipe ? { recipe: trained.recipe } : {}),
    trainMs: trained.trainMs,
    trainingInfluence: trained.trainingInfluence,
    phases: trained.phases,
    test: { ...scores.test, intervals: scores.intervals },
    testMacroByUser: scores.macroByUser,
    distribution: scores.distribution,
    reliability: scores.reliability,
    groundTruth: scores.groundTruth,
    timeScatter: timeScatter(
      testIndices.map((i) => (tasks[i] as Task).actualTimeSeconds),
      prediction.timeSeconds,
    ),
    perUser: sweep.perUser,
    varianceRatio: sweep.varianceRatio,
    generalisation: { topics: sweep.topics, difficulties: sweep.difficulties, grid: sweep.grid },
    responseProbes: probes,
    responseViolations: response.violations,
    verdicts: verdicts(scores.distribution, sweep.varianceRatio, probes, thresholds),
  };
}

/** Contexts of the held-out rows (features from each user's strictly earlier tasks, all of them). */
export function heldOutContexts(tasks: readonly Task[], testIndices: readonly number[]): TaskContext[] {
  return taskContextsAt(tasks, testIndices);
}
