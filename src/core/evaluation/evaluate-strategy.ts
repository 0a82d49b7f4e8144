/**
 * Everything the lab measures about one predictor: held-out scores, the design note's three checks
 * (continuity, response probe, generalisation sweep), the verdicts and the response gap, as one
 * in-memory entry that build-report turns into JSON. A trained strategy and the simulator's truth are
 * evaluated the same way. Knows predictors only through `predict` (no tfjs).
 */
import { checkpoint } from '../training/loop/yield-task';
import type { Task } from '../data/task';
import { taskContextsAt, type TaskContext } from '../features/task-context';
import type { PhaseSummary, Predictor, TrainedStrategy } from '../strategies/types';
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
import {
  checkStates,
  resolveThresholds,
  verdicts,
  type CheckStates,
  type VerdictThresholds,
  type Verdicts,
} from './verdicts';

export { resolveThresholds } from './verdicts';
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

/** The held-out predictions a predictor made, aligned with `testIndices` (kept for comparisons and export). */
export interface HeldOutPrediction {
  pCorrect: Float32Array;
  timeSeconds: Float32Array;
}

/** What every evaluated predictor has, field names as in docs/contract.md §2 (in memory). */
export interface PredictorEvaluation {
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
  /** Mean over probed users of afterCorrect[5] − afterIncorrect[5] (docs/contract.md §2b). */
  responseGap: number | undefined;
  verdicts: Verdicts;
  /** The verdicts with "not enough data" where the rows cannot support a judgement. */
  checks: CheckStates;
  /** The held-out predictions themselves (not part of the report JSON). */
  heldOut: HeldOutPrediction;
}

/**
 * One strategy's results: metrics may be undefined and varianceRatio Infinity (build-report encodes
 * both for JSON).
 */
export interface StrategyEvaluation extends PredictorEvaluation {
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
}

/** Predict the held-out rows, run the probe and the sweep, and judge them. */
export async function evaluatePredictor(
  predictor: Predictor,
  data: EvaluationData,
): Promise<PredictorEvaluation> {
  const { tasks, testIndices, signal } = data;
  const thresholds = resolveThresholds(data.thresholds);
  const testContexts = data.testContexts ?? heldOutContexts(tasks, testIndices);
  const states = data.states ?? userStates(tasks);

  // A macrotask between the steps (each up to a few hundred ms on a big file), so a Cancel gets through.
  signal?.throwIfAborted();
  const prediction = await predictor.predict(testContexts);
  await checkpoint(signal);
  const scores = scoreHeldOut(tasks, testIndices, prediction, { seed: data.seed, resamples: data.resamples });
  await checkpoint(signal);
  const probes = await runResponseProbes(predictor, tasks, PROBE_STEPS, states);
  await checkpoint(signal);
  const sweep = await runGeneralisationSweep(predictor, tasks, states);
  const response = checkResponse(probes, {
    drop: thresholds.responseTolerance,
    gap: thresholds.responseGapTolerance,
  });
  // The probes were judged just above with these thresholds: the verdict takes that check, not a second one.
  const raw = verdicts(scores.distribution, sweep.varianceRatio, response, thresholds);
  const checks = checkStates(raw, { heldOutRows: testIndices.length, users: sweep.perUser.length });

  return {
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
    responseGap: response.responseGap,
    verdicts: {
      continuous: checks.continuous === 'pass',
      responsive: checks.responsive === 'pass',
      generalizes: checks.generalizes === 'pass',
    },
    checks,
    heldOut: {
      pCorrect: Float32Array.from(prediction.pCorrect),
      timeSeconds: Float32Array.from(prediction.timeSeconds),
    },
  };
}

/** A trained strategy, evaluated: evaluatePredictor plus what training recorded. */
export async function evaluateStrategy(
  trained: TrainedStrategy,
  data: EvaluationData,
): Promise<StrategyEvaluation> {
  const evaluation = await evaluatePredictor(trained, data);
  return {
    id: trained.id,
    label: trained.label,
    options: trained.options,
    ...(trained.recipe ? { recipe: trained.recipe } : {}),
    trainMs: trained.trainMs,
    trainingInfluence: trained.trainingInfluence,
    phases: trained.phases,
    ...evaluation,
  };
}

/** Contexts of the held-out rows (features from each user's strictly earlier tasks, all of them). */
export function heldOutContexts(tasks: readonly Task[], testIndices: readonly number[]): TaskContext[] {
  return taskContextsAt(tasks, testIndices);
}
