/**
 * Seeded learner simulator for the fixtures: per-topic ability, learning with practice, short streaks
 * (the model itself in learner-model.ts). Every task keeps the true P(correct) it was drawn from, so
 * predictions can later be checked against truth. Lazy (one generator per learner, merged by time) so a
 * million rows need no giant array. Pure core: no Node modules, no clock.
 */
import type { Task } from '../data/task';
import type { Rng } from '../random/rng';
import {
  DEFAULT_LEARNING_GAIN,
  drawAbilities,
  learnerRng,
  medianSeconds,
  recordedProbability,
  trueProbability,
  TIME_LOG_SIGMA,
  type LearnerSpec,
} from './learner-model';

export type { LearnerSpec } from './learner-model';

export interface SimTask extends Task {
  trueP: number;
}

export interface SimOptions {
  seed: number | string;
  users: LearnerSpec[];
  /** ISO string or epoch ms; learners start within the following few days. */
  startDate: string | number;
}

const SECOND = 1000;
const HOUR = 3600 * SECOND;
const DAY = 24 * HOUR;

function weightedPicker<T extends string>(rng: Rng, weights: Partial<Record<T, number>>): () => T {
  const entries = Object.entries(weights).filter(([, w]) => (w as number) > 0) as [T, number][];
  if (entries.length === 0) throw new Error('weightedPicker needs at least one positive weight');
  const total = entries.reduce((s, [, w]) => s + w, 0);
  return () => {
    let u = rng.next() * total;
    for (const [key, w] of entries) {
      u -= w;
      if (u < 0) return key;
    }
    return (entries[entries.length - 1] as [T, number])[0];
  };
}

/** One learner's tasks in time order; its own Rng keeps it independent of the other learners. */
export function* simulateLearner(
  spec: LearnerSpec,
  seed: number | string,
  startMs: number,
): Generator<SimTask> {
  const rng = learnerRng(spec, seed);
  const pickTopic = weightedPicker(rng, spec.topicWeights);
  const pickDifficulty = weightedPicker(rng, spec.difficultyWeights ?? { easy: 1, medium: 1, hard: 1 });
  // The first draws of the learner's Rng: learnerParameters() draws the same abilities the same way.
  const ability = drawAbilities(spec, rng);
  const learner = {
    userId: spec.userId,
    ability,
    abilityMean: spec.abilityMean,
    learningGain: spec.learningGain ?? DEFAULT_LEARNING_GAIN,
    speed: spec.speed ?? 1,
  };
  const practice = new Map<string, number>();
  // Cap sessions so heavy users get longer sessions rather than decades of history.
  const sessions = Math.min(400, Math.max(1, Math.round(spec.tasks / 12)));
  const newSessionP = sessions / spec.tasks;
  let clock = startMs + rng.int(5) * DAY + rng.int(10 * 3600) * SECOND;
  let run = 0;
  for (let i = 0; i < spec.tasks; i++) {
    if (i > 0) {
      clock +=
        rng.next() < newSessionP
          ? 10 * HOUR + -Math.log(1 - rng.next()) * 14 * HOUR
          : (5 + rng.int(175)) * SECOND;
    }
    const topic = pickTopic();
    const difficulty = pickDifficulty();
    const done = practice.get(topic) ?? 0;
    const trueP = recordedProbability(trueProbability(learner, topic, difficulty, done, run));
    const isCorrect = rng.next() < trueP;
    // Lognormal time: harder is slower, wrong answers slower still, practice speeds up a little.
    const median = medianSeconds(learner, difficulty, isCorrect, done);
    const seconds = Math.max(1, Math.round(median * Math.exp(TIME_LOG_SIGMA * rng.normal()) * 10) / 10);
    clock += seconds * SECOND;
    practice.set(topic, done + 1);
    run = isCorrect ? run + 1 : 0;
    yield {
      userId: spec.userId,
      topic,
      difficulty,
      completedAtMs: Math.round(clock),
      isCorrect,
      actualTimeSeconds: seconds,
      trueP,
    };
  }
}

const before = (a: SimTask, b: SimTask): boolean =>
  a.completedAtMs !== b.completedAtMs ? a.completedAtMs < b.completedAtMs : a.userId < b.userId;

/** All learners merged by (completedAtMs, userId) through a binary heap: memory grows with users, not rows. */
export function* streamLearners(options: SimOptions): Generator<SimTask> {
  const startMs = typeof options.startDate === 'number' ? options.startDate : Date.parse(options.startDate);
  if (!Number.isFinite(startMs)) throw new Error(`bad startDate: ${String(options.startDate)}`);
  const heap: { task: SimTask; source: Generator<SimTask> }[] = [];
  const at = (i: number) => heap[i] as { task: SimTask; source: Generator<SimTask> };
  const less = (i: number, j: number): boolean => before(at(i).task, at(j).task);
  const swap = (i: number, j: number): void => {
    const tmp = at(i);
    heap[i] = at(j);
    heap[j] = tmp;
  };
  const siftDown = (start: number): void => {
    for (let i = start; ;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(l, m)) m = l;
      if (r < heap.length && less(r, m)) m = r;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  for (const spec of options.users) {
    const source = simulateLearner(spec, options.seed, startMs);
    const first = source.next();
    if (!first.done) heap.push({ task: first.value, source });
  }
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(i);
  while (heap.length > 0) {
    const top = at(0);
    yield top.task;
    const next = top.source.next();
    if (next.done) {
      const lastEntry = heap.pop() as { task: SimTask; source: Generator<SimTask> };
      if (heap.length === 0) return;
      heap[0] = lastEntry;
    } else {
      top.task = next.value;
    }
    siftDown(0);
  }
}

export function simulateLearners(options: SimOptions): SimTask[] {
  return [...streamLearners(options)];
}
