import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { encodeRows, fitTimeScale, headTarget } from '../../features/encoded-rows';
import {
  ARCHITECTURES,
  allVariables,
  buildHead,
  type HeadNetwork,
  type LayerName,
} from '../../model/architecture';
import { createRng } from '../../random/rng';
import { pinBatchRule } from './batch-rule';
import { trainStacked, type PhaseOptions, type StackedModel } from './train-stacked';
import { inOrder, trainingFixture } from './training-fixture.test-helper';

const { tasks, features, encoders, vocab } = trainingFixture(160, 5);
// Dropout off and shuffles left in order (inOrder), so a model trained alone and in a stack sees the same steps.
const spec = { ...ARCHITECTURES.v2, dropout1: 0, dropout2: 0 };

const rowsOf = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
const fitA = encodeRows(tasks, rowsOf(0, 40), features, 'v2', encoders);
const fitB = encodeRows(tasks, rowsOf(40, 60), features, 'v2', encoders);
const valA = encodeRows(tasks, rowsOf(100, 130), features, 'v2', encoders);
const valB = encodeRows(tasks, rowsOf(130, 140), features, 'v2', encoders);
const scale = fitTimeScale(fitA);

function head(kind: 'correctness' | 'time', seed: number): HeadNetwork {
  const rng = createRng(seed);
  return buildHead(spec, kind, vocab, () => rng.int32(), `h${seed}`);
}

const member = (net: HeadNetwork, fit: typeof fitA, val: typeof fitA): StackedModel => ({
  net,
  fit,
  fitTarget: headTarget(fit, net.head, scale),
  val,
  valTarget: headTarget(val, net.head, scale),
});

// A: 4 steps of 10 rows per epoch; B: 2 steps, so B sits out half of every epoch in the stack.
const options: PhaseOptions = {
  epochs: 3,
  batchSize: 10,
  learningRate: 5e-3,
  patience: 0,
  restoreBestWeights: true,
};
const values = (net: HeadNetwork) => allVariables(net).map((v) => Array.from(v.dataSync()));

function maxDiff(a: number[][], b: number[][]): number {
  let d = 0;
  a.forEach((xs, i) => xs.forEach((x, j) => (d = Math.max(d, Math.abs(x - (b[i]?.[j] as number))))));
  return d;
}

describe.each(['tfjs', 'simd'] as const)('trainStacked (%s engine)', (engine) => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('gives each model of a stack the weights and losses it gets trained alone (own rows, batch, head)', async () => {
    const aloneA = head('correctness', 1);
    const aloneB = head('time', 2);
    const [ra] = await trainStacked({ models: [member(aloneA, fitA, valA)], options, rng: inOrder, engine });
    const [rb] = await trainStacked({ models: [member(aloneB, fitB, valB)], options, rng: inOrder, engine });

    const stackA = head('correctness', 1);
    const stackB = head('time', 2);
    const before = tf.memory().numTensors;
    const [sa, sb] = await trainStacked({
      models: [member(stackA, fitA, valA), member(stackB, fitB, valB)],
      options,
      rng: inOrder,
      engine,
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(maxDiff(values(stackA), values(aloneA))).toBeLessThan(1e-5);
    expect(maxDiff(values(stackB), values(aloneB))).toBeLessThan(1e-5);
    expect(maxDiff([sa?.losses ?? []], [ra?.losses ?? []])).toBeLessThan(1e-5);
    expect(maxDiff([sb?.valLosses as number[]], [rb?.valLosses as number[]])).toBeLessThan(1e-5);
    // Training moved the weights at all (the comparison is not between two untouched networks).
    expect(maxDiff(values(stackA), values(head('correctness', 1)))).toBeGreaterThan(1e-3);
    for (const n of [aloneA, aloneB, stackA, stackB]) n.model.dispose();
  });

  it('stops each model early on its own and restores its own best epoch', async () => {
    const nets = [head('correctness', 3), head('time', 4)];
    const results = await trainStacked({
      models: [member(nets[0] as HeadNetwork, fitA, valA), member(nets[1] as HeadNetwork, fitB, valB)],
      // A rate this high makes validation loss bounce, so both stop before 40 epochs.
      options: { ...options, epochs: 40, learningRate: 0.2, patience: 2 },
      rng: createRng(9),
      engine,
    });
    for (const r of results) {
      expect(r.epochsRun).toBeLessThan(40);
      const valid = r.valLosses as number[];
      expect(valid[r.bestEpoch - 1]).toBe(Math.min(...valid));
    }
    nets.forEach((n) => n.model.dispose());
  });

  it('leaves a model with no rows untouched and reports it as not trained', async () => {
    const idle = head('correctness', 5);
    const start = values(idle);
    const empty = encodeRows(tasks, [], features, 'v2', encoders);
    const busy = head('time', 6);
    const [r] = await trainStacked({
      models: [member(idle, empty, valA), member(busy, fitB, valB)],
      options,
      rng: createRng(1),
      engine,
    });
    expect(r).toMatchObject({ epochsRun: 0, losses: [] });
    expect(values(idle)).toEqual(start);
    idle.model.dispose();
    busy.model.dispose();
  });
});

describe('trainStacked and the batch rule', () => {
  afterEach(() => pinBatchRule({}));

  it('gives a phase that trains a user embedding more rows per epoch than one that keeps it frozen', async () => {
    await tf.setBackend('cpu');
    // 40 rows, batch 20: a user embedding's epochs count 20 rows (3 × 20 ÷ 40 → 2 epochs), others 10 (→ 1).
    pinBatchRule({ epochRows: 10, userEpochRows: 20 });
    const scaled = { ...options, stepsPerEpoch: 2 };
    const run = async (frozen?: ReadonlySet<LayerName>) => {
      const net = head('correctness', 1);
      const [result] = await trainStacked({
        models: [member(net, fitA, valA)],
        options: frozen ? { ...scaled, frozen } : scaled,
        rng: inOrder,
        engine: 'simd',
      });
      net.model.dispose();
      return result;
    };
    expect((await run())?.epochsRun).toBe(2);
    expect((await run(new Set(['user_embedding'])))?.epochsRun).toBe(1);
  });
});
