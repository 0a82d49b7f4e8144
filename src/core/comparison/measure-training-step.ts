/**
 * Times training steps of the real model (the v2 correctness head, the lab's default batch for this data) on
 * the loaded data with whichever tfjs backend is active: what Auto compares. A warm-up epoch first
 * (WebGL compiles its shaders there), then a timed epoch with its one read-back, as training does.
 */
import * as tf from '@tensorflow/tfjs';
import type { Task } from '../data/task';
import { encodeRows } from '../features/encoded-rows';
import { buildEncoders } from '../features/encoders';
import { featureMatrixOf } from '../features/task-context';
import { allVariables, ARCHITECTURES, buildHead } from '../model/architecture';
import { createRng } from '../random/rng';
import { LAB_STEPS_PER_EPOCH } from '../training/loop/batch-rule';
import { phaseBatch } from '../training/loop/batch-rule';
import { trainHead } from '../training/loop/train-head';

export interface StepMeasureOptions {
  batchSize?: number;
  /** Steps per epoch measured (rows used = batchSize × steps, or all rows when fewer). */
  steps?: number;
  /** Aborts a backend that is too slow to be worth finishing the measurement. */
  signal?: AbortSignal;
}

/**
 * A fresh v2 correctness head over the `n` most recent rows (the same feature matrix the strategies
 * use, so it is computed once), seeded by `name`: the model every step measurement times. The caller
 * disposes `allVariables(net)`.
 */
export function probeHead(tasks: readonly Task[], n: number, name: string) {
  const indices = Array.from({ length: n }, (_, i) => tasks.length - n + i);
  const encoders = buildEncoders(indices.map((i) => tasks[i] as Task));
  const rows = encodeRows(tasks, indices, featureMatrixOf(tasks), 'v2', encoders);
  const rng = createRng(name);
  const vocab = {
    users: encoders.user.size,
    topics: encoders.topic.size,
    difficulties: encoders.difficulty.size,
  };
  const net = buildHead(ARCHITECTURES.v2, 'correctness', vocab, () => rng.int32(), `${name}.correctness`);
  return { rows, net, rng };
}

/** Milliseconds per training step (forward, backward, Adam update) on the active backend. */
export async function measureTrainingStepMs(
  tasks: readonly Task[],
  options: StepMeasureOptions = {},
): Promise<number> {
  // The batch the lab's default rule gives a phase over all these rows: what Train all will step with.
  const labBatch = phaseBatch(tasks.length, {
    batchSize: 32,
    learningRate: 1e-3,
    epochs: 1,
    stepsPerEpoch: LAB_STEPS_PER_EPOCH,
  }).batch;
  const { batchSize = labBatch, steps = 8, signal } = options;
  const n = Math.min(tasks.length, batchSize * steps);
  const { rows, net, rng } = probeHead(tasks, n, 'backend-probe');
  const phase = (epochs: number) =>
    trainHead({
      net,
      fit: rows,
      fitTarget: rows.correct,
      val: null,
      valTarget: null,
      options: { epochs, batchSize, learningRate: 1e-3, patience: 0, restoreBestWeights: false },
      rng,
      signal,
    });
  try {
    await phase(1);
    const started = performance.now();
    const { epochsRun } = await phase(2);
    const stepsRun = epochsRun * Math.floor(n / Math.max(1, Math.min(batchSize, n)));
    return (performance.now() - started) / Math.max(1, stepsRun);
  } finally {
    tf.dispose(allVariables(net));
  }
}
