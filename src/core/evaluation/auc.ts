/**
 * ROC AUC by ranks (the Mann–Whitney U statistic): the probability that a random correct row gets a
 * higher prediction than a random incorrect one, ties counting one half. Average ranks handle ties,
 * which matter here: a saturated model predicts many identical values (0 or 1).
 */
import {
  assertSameLength,
  checkedProbabilities,
  labelsAsNumbers,
  type BinaryLabels,
  type Probabilities,
} from './binary-labels';

/**
 * Average 1-based ranks of `values`: tied values share the mean of the ranks they span,
 * e.g. [0.1, 0.8, 0.8] → [1, 2.5, 2.5].
 */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number));
  const ranks = new Array<number>(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    const v = values[order[start] as number] as number;
    while (end < order.length && values[order[end] as number] === v) end++;
    // Positions start..end-1 hold ranks start+1..end; their mean is (start + 1 + end) / 2.
    const shared = (start + 1 + end) / 2;
    for (let j = start; j < end; j++) ranks[order[j] as number] = shared;
    start = end;
  }
  return ranks;
}

/**
 * ROC AUC in [0, 1] (0.5 = no better than chance; all-equal predictions give exactly 0.5).
 * @param labels correct (true / 1) or incorrect (false / 0) per row.
 * @param predictions P(correct) per row, in [0, 1].
 * @returns undefined when the rows hold only one class (or none): AUC compares the two classes, so
 *   it does not exist then. Callers report it as missing, never as 0.5 or NaN.
 * @throws RangeError on mismatched lengths, a label other than 0/1, or a prediction outside [0, 1].
 */
export function auc(labels: BinaryLabels, predictions: Probabilities): number | undefined {
  assertSameLength(labels, predictions, 'labels and predictions');
  const y = labelsAsNumbers(labels);
  const p = checkedProbabilities(predictions);
  let positives = 0;
  for (const v of y) positives += v;
  const negatives = y.length - positives;
  if (positives === 0 || negatives === 0) return undefined;
  const ranks = averageRanks(p);
  let rankSum = 0;
  for (let i = 0; i < y.length; i++) if (y[i] === 1) rankSum += ranks[i] as number;
  // U = rank sum of the positives minus the smallest it could be (positives ranked 1..n₊).
  const u = rankSum - (positives * (positives + 1)) / 2;
  return u / (positives * negatives);
}
