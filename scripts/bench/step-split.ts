/**
 * Splits one training step of the v2 correctness head (batch 32) into its two halves, timed apart on the
 * active backend: forward + backward (tf.variableGrads of the lab's loss) and the Adam update
 * (applyGradients). Also counts the kernels each half dispatches. Used by the step probe.
 */
import * as tf from '@tensorflow/tfjs';
import { probeHead } from '../../src/core/comparison/measure-training-step';
import type { Task } from '../../src/core/data/task';
import { FEATURE_COUNT } from '../../src/core/features/history-features';
import { allVariables, presentLayers } from '../../src/core/model/architecture';
import { forward, perSampleLoss, regularizationLoss } from '../../src/core/model/forward';
import { trainHead } from '../../src/core/training/loop/train-head';

export interface StepSplit {
  gradsMs: number;
  adamMs: number;
  gradsKernels: number;
  adamKernels: number;
}

/** ms per epoch of trainHead on 32 rows (one step per epoch, so mostly the epoch's read-back and yield). */
export async function measureOneStepEpochMs(tasks: readonly Task[], epochs = 40): Promise<number> {
  const { rows, net, rng } = probeHead(tasks, 32, 'one-step-epoch');
  const options = { epochs, batchSize: 32, learningRate: 1e-3, patience: 0, restoreBestWeights: false };
  try {
    const started = performance.now();
    await trainHead({ net, fit: rows, fitTarget: rows.correct, val: null, valTarget: null, options, rng });
    return Math.round(((performance.now() - started) / epochs) * 100) / 100;
  } finally {
    tf.dispose(allVariables(net));
  }
}

export async function measureStepSplit(tasks: readonly Task[], reps = 40): Promise<StepSplit> {
  const batch = 32;
  const { rows, net, rng } = probeHead(tasks, batch, 'step-split');
  const inputs = {
    user: tf.tensor1d(rows.user, 'int32'),
    topic: tf.tensor1d(rows.topic, 'int32'),
    difficulty: tf.tensor1d(rows.difficulty, 'int32'),
    history: tf.tensor2d(rows.history, [batch, FEATURE_COUNT]),
  };
  const y = tf.tensor1d(rows.correct);
  const varList = presentLayers(net).flatMap((name) =>
    (net.vars[name] as tf.Variable[]).slice(0, name.endsWith('_bn') ? 2 : undefined),
  );
  const optimizer = tf.train.adam(1e-3);
  const loss = (): tf.Scalar => {
    const out = forward(net, inputs, { training: true, nextSeed: () => rng.int32() });
    const l = tf.mean(perSampleLoss(net, out, y)) as tf.Scalar;
    const reg = regularizationLoss(net);
    return reg ? (tf.add(l, reg) as tf.Scalar) : l;
  };
  type Grads = Parameters<typeof optimizer.applyGradients>[0];
  const grads = () => tf.variableGrads(loss, varList).grads as unknown as Grads;
  const kernelsOf = async (f: () => void) => (await tf.profile(f)).kernels.length;
  try {
    // Warm both halves (Adam creates its moments on the first update).
    for (let i = 0; i < 3; i++) tf.tidy(() => optimizer.applyGradients(grads()));
    const gradsKernels = await kernelsOf(() => void tf.tidy(() => void grads()));
    const g = grads();
    const adamKernels = await kernelsOf(() => optimizer.applyGradients(g));
    let started = performance.now();
    for (let i = 0; i < reps; i++) tf.tidy(() => void grads());
    const gradsMs = (performance.now() - started) / reps;
    started = performance.now();
    for (let i = 0; i < reps; i++) optimizer.applyGradients(g);
    const adamMs = (performance.now() - started) / reps;
    tf.dispose(Object.values(g as Record<string, tf.Tensor>));
    await tf.sum(allVariables(net)[0] as tf.Tensor).data();
    const r2 = (x: number) => Math.round(x * 100) / 100;
    return { gradsMs: r2(gradsMs), adamMs: r2(adamMs), gradsKernels, adamKernels };
  } finally {
    optimizer.dispose();
    tf.dispose([...Object.values(inputs), y, ...allVariables(net)]);
  }
}
