/**
 * The 13 history features of a task, from one user's strictly earlier tasks (docs/features.md).
 * `UserHistory` is an incremental accumulator: it yields the features of a *next* task and can be
 * advanced with real or hypothetical tasks (the evaluation's response probe). Pure TS: no tfjs, no DOM.
 */
import type { Difficulty, Task } from '../data/task';

/** v1 = the production model's features (counts uncapped); v2 = the design note's Strategy 2 (counts capped at 1). */
export type FeatureVersion = 'v1' | 'v2';

/** Feature names in column order; the order is part of every trained model. */
export const FEATURE_NAMES = [
  'overall_correct_rate',
  'topic_correct_rate',
  'difficulty_correct_rate',
  'topic_difficulty_correct_rate',
  'overall_task_count',
  'topic_task_count',
  'difficulty_task_count',
  'recent_accuracy_5',
  'recent_topic_accuracy_5',
  'streak',
  'mean_log_time',
  'topic_mean_log_time',
  'time_since_previous',
] as const;
export const FEATURE_COUNT = FEATURE_NAMES.length;

/** Columns of the three task counts: the only features v1 leaves unbounded. */
export const COUNT_FEATURE_COLUMNS = [4, 5, 6] as const;

/**
 * Columns of the outcome-history features: the four smoothed correct rates, the two last-5 accuracies
 * and the streak — the only features that depend on earlier outcomes, and each one is non-decreasing in
 * every earlier outcome (turning any earlier wrong answer into a right one never lowers it; a test
 * holds this). Counts, times and the gap do not depend on outcomes at all. The monotone response
 * path (model/monotone-path.ts) keeps P(correct) non-decreasing in exactly these columns.
 */
export const OUTCOME_FEATURE_COLUMNS = [0, 1, 2, 3, 7, 8, 9] as const;

/** Pseudo-count of the rate smoothing: a cell with n tasks is pulled toward its prior by 2 / (n + 2). */
export const SMOOTHING_STRENGTH = 2;
export const RECENT_WINDOW = 5;
export const STREAK_CLIP = 10;
/** ln(1 + 3600): mean log times are divided by this, so one hour of answering is 1.0. */
export const LOG_TIME_SCALE = Math.log1p(3600);
/** ln(1 + 30 days in seconds): gaps are divided by this, so a month or more is 1.0. */
export const LOG_GAP_SCALE = Math.log1p(30 * 24 * 3600);
/** Mean log time used before any timed task: ≈ ln(1 + 60 s) / LOG_TIME_SCALE, one minute. */
export const NEUTRAL_LOG_TIME = 0.5;

/** What the accumulator needs of a task; hypothetical probe tasks provide exactly this. */
export type HistoryTask = Pick<
  Task,
  'topic' | 'difficulty' | 'isCorrect' | 'actualTimeSeconds' | 'completedAtMs'
>;

interface Cell {
  n: number;
  correct: number;
}
interface TopicCell extends Cell {
  sumLogTime: number;
  /** Last RECENT_WINDOW outcomes in the topic (1/0), oldest first. */
  recent: number[];
}

const smooth = (cell: Cell | undefined, prior: number): number =>
  ((cell?.correct ?? 0) + SMOOTHING_STRENGTH * prior) / ((cell?.n ?? 0) + SMOOTHING_STRENGTH);

/** Mean of the window, with the missing slots filled by `fill` (so one lucky answer is not 100 %). */
const recentRate = (window: readonly number[], fill: number): number => {
  let sum = 0;
  for (const v of window) sum += v;
  return (sum + fill * (RECENT_WINDOW - window.length)) / RECENT_WINDOW;
};

const clip = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
const logTime = (seconds: number): number => Math.log1p(Math.max(0, seconds));
const tdKey = (topic: string, difficulty: Difficulty): string => `${topic}\u0000${difficulty}`;

/** One user's history so far. Feed tasks in chronological order with `add`. */
export class UserHistory {
  private n = 0;
  private correct = 0;
  private sumLogTime = 0;
  private streak = 0;
  private lastAtMs: number | undefined;
  private recent: number[] = [];
  private topics = new Map<string, TopicCell>();
  private difficulties = new Map<Difficulty, Cell>();
  private topicDifficulty = new Map<string, Cell>();

  /** Number of tasks added so far. */
  get taskCount(): number {
    return this.n;
  }

  /**
   * The v1 (uncapped) features of a task on `topic` at `difficulty` done at `atMs` (epoch ms),
   * using only the tasks added so far. Pass the result through `toVersion` for v2.
   */
  featuresFor(
    topic: string,
    difficulty: Difficulty,
    atMs: number,
    out = new Float32Array(FEATURE_COUNT),
  ): Float32Array {
    const t = this.topics.get(topic);
    const d = this.difficulties.get(difficulty);
    const td = this.topicDifficulty.get(tdKey(topic, difficulty));
    // Hierarchical smoothing: overall → 0.5, topic and difficulty → overall, topic×difficulty → topic.
    const overall = smooth({ n: this.n, correct: this.correct }, 0.5);
    const topicRate = smooth(t, overall);
    out[0] = overall;
    out[1] = topicRate;
    out[2] = smooth(d, overall);
    out[3] = smooth(td, topicRate);
    out[4] = this.n / 100;
    out[5] = (t?.n ?? 0) / 20;
    out[6] = (d?.n ?? 0) / 20;
    out[7] = recentRate(this.recent, overall);
    out[8] = recentRate(t?.recent ?? [], topicRate);
    out[9] = clip(this.streak, -STREAK_CLIP, STREAK_CLIP) / STREAK_CLIP;
    const meanLog = this.n > 0 ? clip(this.sumLogTime / this.n / LOG_TIME_SCALE, 0, 1) : NEUTRAL_LOG_TIME;
    out[10] = meanLog;
    out[11] = t && t.n > 0 ? clip(t.sumLogTime / t.n / LOG_TIME_SCALE, 0, 1) : meanLog;
    out[12] =
      this.lastAtMs === undefined
        ? 1
        : clip(Math.log1p(Math.max(0, atMs - this.lastAtMs) / 1000) / LOG_GAP_SCALE, 0, 1);
    return out;
  }

  /** Append one completed task (real or hypothetical). Tasks must come in chronological order. */
  add(task: HistoryTask): void {
    const hit = task.isCorrect ? 1 : 0;
    const lt = logTime(task.actualTimeSeconds);
    this.n += 1;
    this.correct += hit;
    this.sumLogTime += lt;
    this.streak = task.isCorrect ? Math.max(0, this.streak) + 1 : Math.min(0, this.streak) - 1;
    this.lastAtMs = task.completedAtMs;
    pushRecent(this.recent, hit);

    let t = this.topics.get(task.topic);
    if (!t) this.topics.set(task.topic, (t = { n: 0, correct: 0, sumLogTime: 0, recent: [] }));
    t.n += 1;
    t.correct += hit;
    t.sumLogTime += lt;
    pushRecent(t.recent, hit);
    bump(this.difficulties, task.difficulty, hit);
    bump(this.topicDifficulty, tdKey(task.topic, task.difficulty), hit);
  }

  /** An independent copy, so hypothetical tasks can be appended without touching this one. */
  clone(): UserHistory {
    const c = new UserHistory();
    c.n = this.n;
    c.correct = this.correct;
    c.sumLogTime = this.sumLogTime;
    c.streak = this.streak;
    c.lastAtMs = this.lastAtMs;
    c.recent = [...this.recent];
    for (const [k, v] of this.topics) c.topics.set(k, { ...v, recent: [...v.recent] });
    for (const [k, v] of this.difficulties) c.difficulties.set(k, { ...v });
    for (const [k, v] of this.topicDifficulty) c.topicDifficulty.set(k, { ...v });
    return c;
  }
}

function pushRecent(window: number[], hit: number): void {
  window.push(hit);
  if (window.length > RECENT_WINDOW) window.shift();
}

function bump<K>(map: Map<K, Cell>, key: K, hit: number): void {
  const cell = map.get(key);
  if (cell) {
    cell.n += 1;
    cell.correct += hit;
  } else map.set(key, { n: 1, correct: hit });
}

/**
 * Convert v1 features (one row or a row-major matrix of FEATURE_COUNT columns) to `version`,
 * in place. v2 caps the three counts at 1.0 as the design note's Strategy 2 does; v1 is left as is.
 */
export function toVersion(features: Float32Array, version: FeatureVersion): Float32Array {
  if (version === 'v1') return features;
  for (let row = 0; row < features.length; row += FEATURE_COUNT) {
    for (const col of COUNT_FEATURE_COLUMNS) {
      const i = row + col;
      features[i] = Math.min(features[i] as number, 1);
    }
  }
  return features;
}
