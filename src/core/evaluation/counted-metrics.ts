/**
 * AUC and log loss of a bootstrap resample given as how many copies of each row it holds
 * (bootstrapIntervalByCounts): the rows are checked and sorted once, each resample costs one pass.
 * Same values as auc() / logLoss() on the resampled rows, up to floating-point summation order.
 */
import { auc } from './auc';
import {
  checkedProbabilities,
  labelsAsNumbers,
  type BinaryLabels,
  type Probabilities,
} from './binary-labels';
import { LOG_LOSS_EPSILON } from './log-loss';

/** AUC of a counted resample: Σ over correct rows of (incorrect rows below + ½ tied), ÷ (n₊ · n₋). */
export function countedAuc(labels: BinaryLabels, predictions: Probabilities) {
  auc(labels, predictions); // the same input checks (lengths, labels, probabilities)
  const y = labelsAsNumbers(labels);
  const p = checkedProbabilities(predictions);
  const order = Int32Array.from(p.map((_, i) => i).sort((a, b) => (p[a] as number) - (p[b] as number)));
  // Tie groups of the sorted order: rows [groupStart[g], groupStart[g + 1]) share one prediction.
  const starts: number[] = [];
  order.forEach((row, j) => {
    if (j === 0 || p[row] !== p[order[j - 1] as number]) starts.push(j);
  });
  starts.push(order.length);
  const groupStart = Int32Array.from(starts);
  // Labels in sorted order, so a resample reads only its counts out of order.
  const positive = Uint8Array.from(order, (row) => y[row] as number);
  return (counts: ArrayLike<number>): number | undefined => {
    let below = 0;
    let u = 0;
    let positives = 0;
    for (let g = 0; g + 1 < groupStart.length; g++) {
      let pos = 0;
      let neg = 0;
      const end = groupStart[g + 1] as number;
      for (let j = groupStart[g] as number; j < end; j++) {
        // Branch-free: labels in a group are in no particular order.
        const c = counts[order[j] as number] as number;
        const y = positive[j] as number;
        pos += c * y;
        neg += c - c * y;
      }
      u += pos * (below + neg / 2);
      below += neg;
      positives += pos;
    }
    return positives === 0 || below === 0 ? undefined : u / (positives * below);
  };
}

/** Log loss of a counted resample: Σ countᵢ · lossᵢ ÷ Σ countᵢ (clipped as logLoss clips). */
export function countedLogLoss(labels: BinaryLabels, predictions: Probabilities) {
  const y = labelsAsNumbers(labels);
  const p = checkedProbabilities(predictions);
  const loss = Float64Array.from(p, (pi, i) => {
    const q = Math.min(1 - LOG_LOSS_EPSILON, Math.max(LOG_LOSS_EPSILON, pi));
    return y[i] === 1 ? -Math.log(q) : -Math.log(1 - q);
  });
  return (counts: ArrayLike<number>): number | undefined => {
    let sum = 0;
    let n = 0;
    for (let i = 0; i < loss.length; i++) {
      sum += (counts[i] as number) * (loss[i] as number);
      n += counts[i] as number;
    }
    return n === 0 ? undefined : sum / n;
  };
}
