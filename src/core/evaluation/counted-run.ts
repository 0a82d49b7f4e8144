/**
 * One predictor's held-out predictions from one seed, prepared once so that any resample of the rows —
 * given as how many copies of each row it holds — is scored in one pass: log loss, per-user log loss
 * (pooling rule), Brier, AUC and time MAE. The hierarchical bootstrap of repeated runs is built on it.
 */
import { checkedProbabilities } from './binary-labels';
import { rowLogLoss, userGroups, type UserGroups } from './user-groups';

/** The metrics of repeated runs (docs/contract.md §2b `summary`), lower is better except AUC. */
export const REPEAT_METRICS = ['userLogLoss', 'logLoss', 'auc', 'brier', 'timeMaeSeconds'] as const;
export type RepeatMetric = (typeof REPEAT_METRICS)[number];
export const HIGHER_IS_BETTER: Readonly<Record<RepeatMetric, boolean>> = {
  userLogLoss: false,
  logLoss: false,
  auc: true,
  brier: false,
  timeMaeSeconds: false,
};

/** The held-out rows every run is scored on. */
export interface ScoredRows {
  /** 0/1 per row. */
  labels: Uint8Array;
  actualSeconds: Float64Array;
  groups: UserGroups;
}

export type MetricValues = Record<RepeatMetric, number | undefined>;

/** A resample of the rows: counts[r] copies of row r; rows[0..size) lists the rows with a count. */
export interface RowDraw {
  counts: ArrayLike<number>;
  rows: ArrayLike<number>;
  size: number;
  /** Users with their own group drawn, each as often as drawn (their groups in the per-user figure). */
  ownGroups: number;
}

/** One seed's predictions, ready for counted scoring. */
export interface CountedRun {
  score(draw: RowDraw): MetricValues;
}

/** Every row once: the original held-out set as a draw. */
export function wholeDraw(rows: ScoredRows): RowDraw {
  const n = rows.labels.length;
  return {
    counts: new Uint32Array(n).fill(1),
    rows: Int32Array.from({ length: n }, (_, i) => i),
    size: n,
    ownGroups: rows.groups.users.filter((u) => !u.pooled).length,
  };
}

/** Prepare `pCorrect` (and `timeSeconds`, when the predictor has a time head) for `rows`. */
export function countedRun(
  rows: ScoredRows,
  pCorrect: ArrayLike<number>,
  timeSeconds?: ArrayLike<number>,
): CountedRun {
  const n = rows.labels.length;
  if (pCorrect.length !== n || (timeSeconds && timeSeconds.length !== n))
    throw new RangeError(`expected ${n} predictions, got ${pCorrect.length}`);
  const p = checkedProbabilities(pCorrect);
  const ll = new Float64Array(n);
  const br = new Float64Array(n);
  const ae = timeSeconds ? new Float64Array(n) : undefined;
  for (let r = 0; r < n; r++) {
    const y = rows.labels[r] as number;
    ll[r] = rowLogLoss(y, p[r] as number);
    br[r] = ((p[r] as number) - y) ** 2;
    if (ae) ae[r] = Math.abs((timeSeconds?.[r] as number) - (rows.actualSeconds[r] as number));
  }
  const order = Int32Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (p[a] as number) - (p[b] as number),
  );
  // Tie groups of the sorted order: positions [start[g], start[g + 1]) share one prediction.
  const start: number[] = [];
  for (let j = 0; j < n; j++)
    if (j === 0 || p[order[j] as number] !== p[order[j - 1] as number]) start.push(j);
  start.push(n);
  const { users, userOfRow } = rows.groups;
  const invOwn = Float64Array.from(users, (u) => (u.pooled ? 0 : 1 / u.n));
  const pooled = Uint8Array.from(users, (u) => (u.pooled ? 1 : 0));

  return {
    score({ counts, rows: drawnRows, size: drawnCount, ownGroups }) {
      let total = 0;
      let sumLl = 0;
      let sumBr = 0;
      let sumAe = 0;
      let own = 0;
      let pooledSum = 0;
      let pooledN = 0;
      for (let k = 0; k < drawnCount; k++) {
        const r = drawnRows[k] as number;
        const c = counts[r] as number;
        const u = userOfRow[r] as number;
        total += c;
        sumLl += c * (ll[r] as number);
        sumBr += c * (br[r] as number);
        if (ae) sumAe += c * (ae[r] as number);
        if (pooled[u]) {
          pooledSum += c * (ll[r] as number);
          pooledN += c;
        } else own += c * (ll[r] as number) * (invOwn[u] as number);
      }
      let below = 0;
      let u = 0;
      let positives = 0;
      for (let g = 0; g + 1 < start.length; g++) {
        let pos = 0;
        let neg = 0;
        for (let j = start[g] as number; j < (start[g + 1] as number); j++) {
          const r = order[j] as number;
          const c = counts[r] as number;
          if (c === 0) continue;
          if (rows.labels[r] === 1) pos += c;
          else neg += c;
        }
        u += pos * (below + neg / 2);
        below += neg;
        positives += pos;
      }
      // `own` sums each own-group user's mean row loss once per time the user was drawn.
      const groups = ownGroups + (pooledN > 0 ? 1 : 0);
      return {
        userLogLoss: groups === 0 ? undefined : (own + (pooledN > 0 ? pooledSum / pooledN : 0)) / groups,
        logLoss: total === 0 ? undefined : sumLl / total,
        auc: positives === 0 || below === 0 ? undefined : u / (positives * below),
        brier: total === 0 ? undefined : sumBr / total,
        timeMaeSeconds: ae && total > 0 ? sumAe / total : undefined,
      };
    },
  };
}

/** The held-out rows of a split as ScoredRows (labels, actual times, users with the pooling rule). */
export function scoredRows(
  tasks: readonly { userId: string; isCorrect: boolean; actualTimeSeconds: number }[],
  testIndices: readonly number[],
): ScoredRows {
  const at = (i: number) => {
    const t = tasks[i];
    if (!t) throw new RangeError(`row ${i} is outside the dataset`);
    return t;
  };
  return {
    labels: Uint8Array.from(testIndices, (i) => (at(i).isCorrect ? 1 : 0)),
    actualSeconds: Float64Array.from(testIndices, (i) => at(i).actualTimeSeconds),
    groups: userGroups(testIndices.map((i) => at(i).userId)),
  };
}
