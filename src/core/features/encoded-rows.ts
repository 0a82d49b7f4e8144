/**
 * Rows encoded for a network: vocabulary indices, versioned history features, targets and loss
 * weights as typed arrays (built once in JS, uploaded once per phase), and the time target's
 * scaling. Pure TS: no tfjs (the training loop and the model turn these into tensors).
 */
import type { Task } from '../data/task';
import type { Encoders } from './encoders';
import { FEATURE_COUNT, toVersion, type FeatureVersion } from './history-features';
import type { TaskContext } from './task-context';

/** Model inputs of n rows. */
export interface EncodedInputs {
  n: number;
  user: Int32Array;
  topic: Int32Array;
  difficulty: Int32Array;
  /** n × FEATURE_COUNT, row-major, already in the network's feature version. */
  history: Float32Array;
}

/** Inputs plus what training needs. */
export interface EncodedRows extends EncodedInputs {
  /** 1 = correct, 0 = not. */
  correct: Float32Array;
  /** log(1 + seconds). */
  logTime: Float32Array;
  /** Per-sample loss weight (1 when unweighted). */
  weight: Float32Array;
}

/**
 * Encode the rows `indices` of `tasks`, taking history features from the v1 matrix `features`
 * (tasks.length × FEATURE_COUNT, see featureMatrixOf) and converting them to `version`.
 * `weights` aligns with `indices` (default 1).
 */
export function encodeRows(
  tasks: readonly Task[],
  indices: readonly number[],
  features: Float32Array,
  version: FeatureVersion,
  encoders: Encoders,
  weights?: readonly number[],
): EncodedRows {
  const n = indices.length;
  const rows: EncodedRows = {
    n,
    user: new Int32Array(n),
    topic: new Int32Array(n),
    difficulty: new Int32Array(n),
    history: new Float32Array(n * FEATURE_COUNT),
    correct: new Float32Array(n),
    logTime: new Float32Array(n),
    weight: new Float32Array(n),
  };
  indices.forEach((i, j) => {
    const t = tasks[i] as Task;
    rows.user[j] = encoders.user.indexOf(t.userId);
    rows.topic[j] = encoders.topic.indexOf(t.topic);
    rows.difficulty[j] = encoders.difficulty.indexOf(t.difficulty);
    for (let f = 0; f < FEATURE_COUNT; f++)
      rows.history[j * FEATURE_COUNT + f] = features[i * FEATURE_COUNT + f] as number;
    rows.correct[j] = t.isCorrect ? 1 : 0;
    rows.logTime[j] = logTimeOf(t);
    rows.weight[j] = weights ? (weights[j] as number) : 1;
  });
  toVersion(rows.history, version);
  return rows;
}

/** The time head's raw target of a task: log(1 + seconds), negative times as 0. */
export const logTimeOf = (t: Task): number => Math.log1p(Math.max(0, t.actualTimeSeconds));

/** logTimeOf each of the rows `indices` (what fitTimeScale needs, without encoding the rows). */
export function logTimesOf(
  tasks: readonly Task[],
  indices: readonly number[],
): Pick<EncodedRows, 'n' | 'logTime'> {
  const logTime = new Float32Array(indices.length);
  for (let j = 0; j < indices.length; j++) logTime[j] = logTimeOf(tasks[indices[j] as number] as Task);
  return { n: indices.length, logTime };
}

/** Encode prediction contexts (their `history` is v1; converted to `version` on a copy). */
export function encodeContexts(
  contexts: readonly TaskContext[],
  version: FeatureVersion,
  encoders: Encoders,
): EncodedInputs {
  const n = contexts.length;
  const out: EncodedInputs = {
    n,
    user: new Int32Array(n),
    topic: new Int32Array(n),
    difficulty: new Int32Array(n),
    history: new Float32Array(n * FEATURE_COUNT),
  };
  contexts.forEach((c, j) => {
    out.user[j] = encoders.user.indexOf(c.userId);
    out.topic[j] = encoders.topic.indexOf(c.topic);
    out.difficulty[j] = encoders.difficulty.indexOf(c.difficulty);
    out.history.set(c.history.subarray(0, FEATURE_COUNT), j * FEATURE_COUNT);
  });
  toVersion(out.history, version);
  return out;
}

/** How the time head's target is scaled: standardised log(1 + s), predictions clipped to the training range. */
export interface TimeScale {
  /** Mean and standard deviation of log(1 + seconds) over the training rows. */
  mean: number;
  std: number;
  /** Smallest and largest time seen in training, seconds. */
  minSeconds: number;
  maxSeconds: number;
}

export function fitTimeScale(rows: Pick<EncodedRows, 'n' | 'logTime'>): TimeScale {
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of rows.logTime) {
    sum += v;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  const mean = rows.n > 0 ? sum / rows.n : 0;
  let ss = 0;
  for (const v of rows.logTime) ss += (v - mean) ** 2;
  const std = rows.n > 1 ? Math.sqrt(ss / rows.n) : 0;
  return {
    mean,
    std: std > 1e-6 ? std : 1,
    minSeconds: rows.n > 0 ? Math.expm1(min) : 0,
    maxSeconds: rows.n > 0 ? Math.expm1(max) : 0,
  };
}

/** The target a head learns: the correctness label, or the standardised log time. */
export function headTarget(rows: EncodedRows, head: 'correctness' | 'time', scale: TimeScale): Float32Array {
  if (head === 'correctness') return rows.correct;
  return rows.logTime.map((v) => (v - scale.mean) / scale.std);
}

/** Seconds from the time head's raw output, clipped to the training range. */
export function secondsFromOutput(raw: number, scale: TimeScale): number {
  const s = Math.expm1(raw * scale.std + scale.mean);
  return Math.min(scale.maxSeconds, Math.max(scale.minSeconds, s));
}
