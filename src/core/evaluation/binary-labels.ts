/**
 * The input types every metric shares (labels and predicted probabilities) and the checks run on them.
 * Labels may be booleans (`Task.isCorrect`) or 0/1 numbers; predictions may be plain arrays or the
 * Float32Arrays a predictor returns. Bad input throws: a NaN that slipped into a metric would turn a
 * verdict silently wrong, which is worse than a loud failure.
 */

/** Correct / incorrect per row: `true` or 1 is correct, `false` or 0 incorrect. */
export type BinaryLabels = ArrayLike<boolean | number>;

/** Predicted P(correct) per row, each in [0, 1]. */
export type Probabilities = ArrayLike<number>;

/**
 * Whether one label counts as correct.
 * @throws RangeError for a number other than 0 or 1.
 */
export function isPositive(label: boolean | number): boolean {
  if (typeof label === 'boolean') return label;
  if (label === 1) return true;
  if (label === 0) return false;
  throw new RangeError(`label must be true/false or 1/0, got ${String(label)}`);
}

/**
 * Throws unless both arrays have the same length, so a metric never pairs rows that do not belong together.
 * @param what names the arrays in the message, e.g. "labels and predictions".
 */
export function assertSameLength(a: ArrayLike<unknown>, b: ArrayLike<unknown>, what: string): void {
  if (a.length !== b.length) {
    throw new RangeError(`${what} differ in length: ${a.length} vs ${b.length}`);
  }
}

/**
 * Throws unless every prediction is a finite number in [0, 1]; returns them as a plain number array.
 * (Copying also widens Float32 values to doubles once, so sums do not round in single precision.)
 */
export function checkedProbabilities(predictions: Probabilities): number[] {
  const out = new Array<number>(predictions.length);
  for (let i = 0; i < predictions.length; i++) {
    const p = predictions[i] as number;
    if (!Number.isFinite(p) || p < 0 || p > 1) {
      throw new RangeError(`prediction ${i} is not a probability in [0, 1]: ${String(p)}`);
    }
    out[i] = p;
  }
  return out;
}

/** Labels as 0/1 numbers after validation (see `isPositive`). */
export function labelsAsNumbers(labels: BinaryLabels): number[] {
  // A plain loop: Array.from with a map function cost a call per row (150 ms of a browser run on EdNet).
  const y = new Array<number>(labels.length);
  for (let i = 0; i < labels.length; i++) y[i] = isPositive(labels[i] as boolean | number) ? 1 : 0;
  return y;
}

/**
 * The mean of `rowScore(y, p)` over rows after the checks every per-row metric needs (same lengths,
 * 0/1 labels, probabilities in [0, 1]); undefined when there are no rows.
 */
export function meanOverRows(
  labels: BinaryLabels,
  predictions: Probabilities,
  rowScore: (y: number, p: number) => number,
): number | undefined {
  assertSameLength(labels, predictions, 'labels and predictions');
  const y = labelsAsNumbers(labels);
  const p = checkedProbabilities(predictions);
  if (y.length === 0) return undefined;
  let sum = 0;
  for (let i = 0; i < y.length; i++) sum += rowScore(y[i] as number, p[i] as number);
  return sum / y.length;
}
