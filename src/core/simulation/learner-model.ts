/**
 * The learner simulator's model, pure: each learner's latent per-topic abilities (drawn from the
 * learner's own seeded Rng) and the true P(correct) of a task given practice and streak. The fixture
 * generator draws outcomes from it, and the lab's "Simulator truth" row probes it the way strategies are.
 */
import type { Difficulty } from '../data/task';
import { createRng, type Rng } from '../random/rng';

export interface LearnerSpec {
  userId: string;
  tasks: number;
  /** Centre of the learner's per-topic abilities, in logits. */
  abilityMean: number;
  /** Relative preference per topic; only these topics are practised. */
  topicWeights: Record<string, number>;
  difficultyWeights?: Partial<Record<Difficulty, number>>;
  /** Spread of per-topic abilities around abilityMean (logits). */
  abilitySpread?: number;
  /** Most a learner gains on a topic through practice (logits). */
  learningGain?: number;
  /** Multiplies response times: below 1 is quicker. */
  speed?: number;
}

/** Subtracted from the logit: easy tasks add to P, hard ones take away. */
export const DIFFICULTY_OFFSET: Record<Difficulty, number> = { easy: -0.7, medium: 0.3, hard: 1.2 };
/** Median answering time by difficulty for a learner of speed 1 answering correctly, seconds. */
export const MEDIAN_SECONDS: Record<Difficulty, number> = { easy: 40, medium: 85, hard: 150 };
/** Wrong answers take this much longer. */
export const WRONG_TIME_FACTOR = 1.35;
/** Spread of answering times on the log scale. */
export const TIME_LOG_SIGMA = 0.45;
export const LEARNING_TAU = 25; // tasks on a topic to get ~63 % of the learning gain
export const STREAK_STEP = 0.1; // logit added per consecutive correct answer…
export const STREAK_CAP = 5; // …up to this many, so momentum stays "a bit"
export const DEFAULT_ABILITY_SPREAD = 0.5;
export const DEFAULT_LEARNING_GAIN = 0.8;

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** A learner's latent parameters: what the simulator knows and the data only reflects. */
export interface LearnerParameters {
  userId: string;
  /** Ability per practised topic, logits; other topics use abilityMean. */
  ability: ReadonlyMap<string, number>;
  abilityMean: number;
  learningGain: number;
  speed: number;
}

/** Each practised topic's ability, drawn from `rng` in the order of `topicWeights` (the generator's first draws). */
export function drawAbilities(spec: LearnerSpec, rng: Rng): Map<string, number> {
  const spread = spec.abilitySpread ?? DEFAULT_ABILITY_SPREAD;
  const ability = new Map<string, number>();
  for (const topic of Object.keys(spec.topicWeights))
    ability.set(topic, spec.abilityMean + spread * rng.normal());
  return ability;
}

/** The learner's Rng: each learner has its own, so learners are independent of one another. */
export const learnerRng = (spec: LearnerSpec, seed: number | string): Rng =>
  createRng(`${seed}:${spec.userId}`);

/** The latent parameters the generator draws for `spec` under `seed` (same Rng, same order). */
export function learnerParameters(spec: LearnerSpec, seed: number | string): LearnerParameters {
  return {
    userId: spec.userId,
    ability: drawAbilities(spec, learnerRng(spec, seed)),
    abilityMean: spec.abilityMean,
    learningGain: spec.learningGain ?? DEFAULT_LEARNING_GAIN,
    speed: spec.speed ?? 1,
  };
}

/** Share of the learning gain reached after `practice` earlier tasks on the topic. */
export const learnedShare = (practice: number): number => 1 - Math.exp(-practice / LEARNING_TAU);

/**
 * The true P(correct), unrounded: sigmoid(ability[topic] + gain·(1 − e^(−practice/25)) − offset[difficulty]
 * + 0.1·min(run, 5)), where practice = earlier tasks on the topic and run = consecutive correct answers
 * just before (any topic).
 */
export function trueProbability(
  learner: LearnerParameters,
  topic: string,
  difficulty: Difficulty,
  practice: number,
  run: number,
): number {
  const logit =
    (learner.ability.get(topic) ?? learner.abilityMean) +
    learner.learningGain * learnedShare(practice) -
    DIFFICULTY_OFFSET[difficulty] +
    STREAK_STEP * Math.min(run, STREAK_CAP);
  return sigmoid(logit);
}

/** As the generator records it: 4 decimals, kept inside [0.0001, 0.9999]. */
export const recordedProbability = (p: number): number =>
  Math.min(0.9999, Math.max(0.0001, Math.round(p * 1e4) / 1e4));

/** Median answering time, seconds, of a correct (or wrong) answer after `practice` tasks on the topic. */
export function medianSeconds(
  learner: Pick<LearnerParameters, 'speed'>,
  difficulty: Difficulty,
  correct: boolean,
  practice: number,
): number {
  return (
    MEDIAN_SECONDS[difficulty] *
    learner.speed *
    (correct ? 1 : WRONG_TIME_FACTOR) *
    (1 - 0.2 * learnedShare(practice))
  );
}
