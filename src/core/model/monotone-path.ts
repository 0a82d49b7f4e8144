/**
 * The monotone response path (issue 16): which weights must be zero or non-negative so that P(correct)
 * is non-decreasing in the outcome-history features, how they are initialised, projected back after an
 * optimizer step, and checked. The layers themselves are built in architecture.ts; forward.ts,
 * stacked-network.ts and simd-network.ts run them, the engines call the projection. See
 * docs/monotone-response.md for why this makes the response monotone. The rules and the projection
 * on raw floats are framework-free (the fused engine uses them); the head helpers use tfjs.
 */
import * as tf from '@tensorflow/tfjs';
import { COUNT_FEATURE_COLUMNS, FEATURE_COUNT, OUTCOME_FEATURE_COLUMNS } from '../features/history-features';
import type { ArchitectureSpec, HeadNetwork, LayerName } from './architecture';

/** Hidden units of the side path (a multiple of 4: the fused engine's lanes). */
export const MONOTONE_UNITS = 16;

/** A constraint on rows of a Dense kernel ([in, out], row-major; row = input column). */
export interface KernelRule {
  layer: LayerName;
  /** Input rows the rule covers; null = every row. */
  rows: readonly number[] | null;
  /** zero: held at 0 (the input does not reach the layer); nonNegative: w ≥ 0. */
  kind: 'zero' | 'nonNegative';
}

/** Width of the concatenated input: the embeddings present, then the 13 history features. */
export function concatWidth(spec: ArchitectureSpec): number {
  return spec.userEmbeddingDim + spec.topicEmbeddingDim + spec.difficultyEmbeddingDim + FEATURE_COUNT;
}

/**
 * History columns P(correct) is kept non-decreasing in: the outcome-history features, and with
 * `monotoneCounts` the three task counts too. Empty without the path.
 */
export function monotoneColumns(spec: ArchitectureSpec): number[] {
  if (!spec.monotoneResponse) return [];
  return spec.monotoneCounts
    ? [...OUTCOME_FEATURE_COLUMNS, ...COUNT_FEATURE_COLUMNS].sort((a, b) => a - b)
    : [...OUTCOME_FEATURE_COLUMNS];
}

/** Rows of the concatenated input that carry the monotone features. */
export function outcomeInputRows(spec: ArchitectureSpec): number[] {
  const at = concatWidth(spec) - FEATURE_COUNT;
  return monotoneColumns(spec).map((c) => at + c);
}

/**
 * The constraints of a head built with `spec` (none without the path):
 * - dense_1's rows of the monotone features (monotoneColumns) are zero, so the unconstrained trunk
 *   never sees them;
 * - monotone_1's rows of those features are non-negative (its other rows — embeddings, counts, times —
 *   are free: they only shift each unit's threshold, per user and topic);
 * - monotone_output's kernel is non-negative.
 * ReLU is non-decreasing, so each side unit, and their non-negative sum, is non-decreasing in every
 * monotone feature; added to a trunk logit that does not depend on them and passed through the sigmoid,
 * P(correct) is too.
 */
export function monotoneRules(spec: ArchitectureSpec): KernelRule[] {
  if (!spec.monotoneResponse) return [];
  const rows = outcomeInputRows(spec);
  return [
    { layer: 'dense_1', rows, kind: 'zero' },
    { layer: 'monotone_1', rows, kind: 'nonNegative' },
    { layer: 'monotone_output', rows: null, kind: 'nonNegative' },
  ];
}

/**
 * Euclidean projection onto a rule, in place, of the kernel stored row-major at `at` in `f`
 * (`cols` outputs, `inRows` inputs): zero → 0, nonNegative → max(0, w). What a Keras kernel
 * constraint (NonNeg) does after each optimizer step. With `abs`, nonNegative takes |w| instead:
 * the initialisation, which keeps Glorot's scale where clipping would silence half the weights.
 */
export function projectKernel(
  f: Float32Array,
  at: number,
  inRows: number,
  cols: number,
  rule: KernelRule,
  abs = false,
): void {
  const each = rule.rows ?? Array.from({ length: inRows }, (_, i) => i);
  for (const row of each) {
    const from = at + row * cols;
    for (let i = from; i < from + cols; i++) {
      const w = f[i] as number;
      if (rule.kind === 'zero') f[i] = 0;
      else if (w < 0) f[i] = abs ? -w : 0;
    }
  }
}

function kernelOf(net: HeadNetwork, layer: LayerName): tf.Variable {
  const v = net.vars[layer]?.[0];
  if (!v) throw new Error(`layer ${layer} missing from the ${net.spec.kind} network`);
  return v;
}

/** Apply every rule of the head to its kernels (tfjs variables; `abs` at initialisation). */
export function projectHead(net: HeadNetwork, abs = false): void {
  for (const rule of monotoneRules(net.spec)) {
    const kernel = kernelOf(net, rule.layer);
    const [inRows, cols] = kernel.shape as [number, number];
    const values = kernel.dataSync().slice() as Float32Array;
    projectKernel(values, 0, inRows, cols, rule, abs);
    tf.tidy(() => kernel.assign(tf.tensor(values, kernel.shape)));
  }
}

/** Initial weights of a freshly built head: every rule holds, non-negative weights by |w|. */
export function initialiseMonotone(net: HeadNetwork): void {
  projectHead(net, true);
}

/** Weights of the head that break its rules, as readable lines (none for a sound head). */
export function monotoneViolations(net: HeadNetwork): string[] {
  const out: string[] = [];
  for (const rule of monotoneRules(net.spec)) {
    const kernel = net.vars[rule.layer]?.[0];
    if (!kernel) {
      out.push(`${rule.layer} is missing`);
      continue;
    }
    const [inRows, cols] = kernel.shape as [number, number];
    const values = kernel.dataSync() as Float32Array;
    let broken = 0;
    for (const row of rule.rows ?? Array.from({ length: inRows }, (_, i) => i))
      for (let c = 0; c < cols; c++) {
        const w = values[row * cols + c] as number;
        if (rule.kind === 'zero' ? w !== 0 : !(w >= 0)) broken++;
      }
    if (broken > 0)
      out.push(
        `${broken} weights of ${rule.layer} should be ${rule.kind === 'zero' ? 'zero' : 'non-negative'}`,
      );
  }
  return out;
}
