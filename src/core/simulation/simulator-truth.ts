/**
 * "Simulator truth": the simulator's own P(correct) as a predictor, so the lab can probe and judge it
 * exactly as it judges a strategy (a check the truth fails is a broken check, docs/contract.md §2). It
 * reads what the simulator uses from each context's history features — practice on the topic and the
 * current run of correct answers — and the learners' latent abilities regenerated from the seed.
 */
import type { Difficulty } from '../data/task';
import { FEATURE_NAMES, STREAK_CLIP } from '../features/history-features';
import type { TaskContext } from '../features/task-context';
import type { KnownSimulation } from './known-simulations';
import {
  learnerParameters,
  medianSeconds,
  TIME_LOG_SIGMA,
  trueProbability,
  type LearnerParameters,
} from './learner-model';

const TOPIC_COUNT = FEATURE_NAMES.indexOf('topic_task_count');
const STREAK = FEATURE_NAMES.indexOf('streak');
/** v1 features store the topic count ÷ 20 (docs/features.md). */
const TOPIC_COUNT_SCALE = 20;

/** What the truth predicts: the same shape as a strategy's prediction. */
export interface TruthPrediction {
  pCorrect: Float32Array;
  timeSeconds: Float32Array;
}

export interface SimulatorTruth {
  simulation: KnownSimulation;
  predict(contexts: readonly TaskContext[]): Promise<TruthPrediction>;
  /** The same, synchronously, for one context (tests, the fixture check). */
  probability(context: TaskContext): number;
}

/**
 * Practice on the topic and the run of consecutive correct answers, read back from v1 features
 * (float32: both are whole numbers and survive the scaling exactly after rounding).
 */
export function simulatorInputs(context: TaskContext): { practice: number; run: number } {
  const practice = Math.round((context.history[TOPIC_COUNT] as number) * TOPIC_COUNT_SCALE);
  const streak = Math.round((context.history[STREAK] as number) * STREAK_CLIP);
  return { practice, run: Math.max(0, streak) };
}

// Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7): plenty for a median in seconds.
function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/**
 * The median answering time the simulator would produce: the median of its mixture of two lognormals
 * (correct with probability p, wrong otherwise), found by bisection on the log scale. The median is what
 * minimises absolute error, the time head's metric.
 */
export function truthMedianSeconds(
  learner: Pick<LearnerParameters, 'speed'>,
  difficulty: Difficulty,
  practice: number,
  p: number,
): number {
  const right = Math.log(medianSeconds(learner, difficulty, true, practice));
  const wrong = Math.log(medianSeconds(learner, difficulty, false, practice));
  const cdf = (x: number) =>
    p * normalCdf((x - right) / TIME_LOG_SIGMA) + (1 - p) * normalCdf((x - wrong) / TIME_LOG_SIGMA);
  let lo = Math.min(right, wrong);
  let hi = Math.max(right, wrong);
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < 0.5) lo = mid;
    else hi = mid;
  }
  // The simulator records at least 1 s.
  return Math.max(1, Math.exp((lo + hi) / 2));
}

/** The truth of `simulation`, with every learner's parameters regenerated from its seed. */
export function simulatorTruth(simulation: KnownSimulation): SimulatorTruth {
  const learners = new Map(
    simulation.learners().map((spec) => [spec.userId, learnerParameters(spec, simulation.seed)]),
  );
  const learnerOf = (userId: string): LearnerParameters => {
    const learner = learners.get(userId);
    if (!learner) throw new RangeError(`the simulation "${simulation.name}" has no learner "${userId}"`);
    return learner;
  };
  const probability = (context: TaskContext): number => {
    const { practice, run } = simulatorInputs(context);
    return trueProbability(learnerOf(context.userId), context.topic, context.difficulty, practice, run);
  };
  return {
    simulation,
    probability,
    async predict(contexts) {
      const pCorrect = new Float32Array(contexts.length);
      const timeSeconds = new Float32Array(contexts.length);
      contexts.forEach((context, i) => {
        const p = probability(context);
        pCorrect[i] = p;
        const { practice } = simulatorInputs(context);
        timeSeconds[i] = truthMedianSeconds(learnerOf(context.userId), context.difficulty, practice, p);
      });
      return { pCorrect, timeSeconds };
    },
  };
}
