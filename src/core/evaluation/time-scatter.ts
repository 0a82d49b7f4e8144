/**
 * The time head's predictions against the actual times, binned for a chart: counts over a grid of actual ×
 * predicted seconds on fixed log-spaced edges (1-2-5 steps from 2 s to 1 hour, open-ended at both ends),
 * so every strategy's grid is drawn on the same axes and a report stays small (12 × 12 counts).
 */
import { assertSameLength } from './binary-labels';

/** Inner bin edges, seconds: bin 0 is below 2 s, the last bin 3600 s and above. */
export const TIME_BIN_EDGES: readonly number[] = [2, 5, 10, 20, 30, 60, 120, 300, 600, 1200, 3600];

export interface TimeScatter {
  /** Inner edges, seconds (bins = edges + 1). */
  edgesSeconds: number[];
  /** counts[actualBin][predictedBin]. */
  counts: number[][];
  /** Rows binned (non-finite times are left out). */
  n: number;
}

/** The bin of a time: the number of edges at or below it. */
export function timeBin(seconds: number, edges: readonly number[] = TIME_BIN_EDGES): number {
  let bin = 0;
  while (bin < edges.length && seconds >= (edges[bin] as number)) bin++;
  return bin;
}

/**
 * Bin predicted against actual seconds.
 * @throws RangeError when the two lengths differ.
 */
export function timeScatter(
  actualSeconds: ArrayLike<number>,
  predictedSeconds: ArrayLike<number>,
  edges: readonly number[] = TIME_BIN_EDGES,
): TimeScatter {
  assertSameLength(actualSeconds, predictedSeconds, 'actual and predicted times');
  const size = edges.length + 1;
  const counts = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  let n = 0;
  for (let i = 0; i < actualSeconds.length; i++) {
    const a = actualSeconds[i] as number;
    const p = predictedSeconds[i] as number;
    if (!Number.isFinite(a) || !Number.isFinite(p)) continue;
    const row = counts[timeBin(a, edges)] as number[];
    const column = timeBin(p, edges);
    row[column] = (row[column] ?? 0) + 1;
    n++;
  }
  return { edgesSeconds: [...edges], counts, n };
}
