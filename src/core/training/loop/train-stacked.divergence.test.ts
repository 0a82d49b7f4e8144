// A phase whose loss stops being finite fails by name ("training diverged at epoch k (learning rate …
// is probably too high)") on both engines, instead of stopping quietly and leaving Infinity predictions
// for the evaluation to trip over.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeRows, fitTimeScale, headTarget } from '../../features/encoded-rows';
import { ARCHITECTURES, buildHead } from '../../model/architecture';
import { createRng } from '../../random/rng';
import { trainStacked, TrainingDivergedError, type StackedModel } from './train-stacked';
import { trainingFixture } from './training-fixture.test-helper';

const { tasks, features, encoders, vocab } = trainingFixture(120, 4);
const rows = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
const fit = encodeRows(tasks, rows(0, 80), features, 'v2', encoders);
const val = encodeRows(tasks, rows(80, 120), features, 'v2', encoders);
const scale = fitTimeScale(fit);

function member(kind: 'correctness' | 'time', seed: number): StackedModel {
  const rng = createRng(seed);
  const net = buildHead(ARCHITECTURES.v2, kind, vocab, () => rng.int32(), `d${seed}`);
  return { net, fit, fitTarget: headTarget(fit, kind, scale), val, valTarget: headTarget(val, kind, scale) };
}

describe.each(['tfjs', 'simd'] as const)('a diverging phase (%s engine)', (engine) => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('throws "training diverged at epoch k (learning rate 1e9 is probably too high)" and reports no NaN epoch', async () => {
    const models = [member('correctness', 1), member('time', 2)];
    const epochs: number[] = [];
    for (const m of models) m.onEpoch = (e) => epochs.push(e.loss, e.valLoss ?? 0);
    const run = trainStacked({
      models,
      options: { epochs: 20, batchSize: 16, learningRate: 1e9, patience: 0, restoreBestWeights: false },
      rng: createRng(3),
      engine,
    });
    await expect(run).rejects.toBeInstanceOf(TrainingDivergedError);
    await expect(run).rejects.toThrow(
      /^training diverged at epoch \d+ \(learning rate 1e9 is probably too high\)$/,
    );
    // Progress never carried the poisoned loss.
    expect(epochs.every(Number.isFinite)).toBe(true);
    for (const m of models) m.net.model.dispose();
  });

  it('a sane learning rate trains through every epoch without a word', async () => {
    const m = member('correctness', 4);
    const [r] = await trainStacked({
      models: [m],
      options: { epochs: 3, batchSize: 16, learningRate: 1e-3, patience: 0, restoreBestWeights: false },
      rng: createRng(3),
      engine,
    });
    expect(r?.epochsRun).toBe(3);
    m.net.model.dispose();
  });
});
