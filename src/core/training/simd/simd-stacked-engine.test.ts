import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeRows, fitTimeScale, headTarget } from '../../features/encoded-rows';
import {
  ARCHITECTURES,
  allVariables,
  buildHead,
  type ArchitectureKind,
  type HeadNetwork,
  type LayerName,
} from '../../model/architecture';
import { monotoneViolations } from '../../model/monotone-path';
import { createRng } from '../../random/rng';
import { hostBatch, packRows } from '../loop/stacked-batch';
import { trainStacked, type PhaseOptions } from '../loop/train-stacked';
import { createSimdEngine } from './simd-stacked-engine';
import { inOrder, trainingFixture } from '../loop/training-fixture.test-helper';

const { tasks, features, encoders, vocab } = trainingFixture(200, 6);
const rowsOf = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
// Uneven loss weights, as Strategy 4 gives.
const weightsOf = (idx: number[]) => idx.map((i) => 0.5 + (i % 5) * 0.4);

function setup(kind: ArchitectureKind, dropout: boolean, monotone = false) {
  const plain = dropout ? ARCHITECTURES[kind] : { ...ARCHITECTURES[kind], dropout1: 0, dropout2: 0 };
  const spec = monotone ? { ...plain, monotoneResponse: monotone } : plain;
  const version = kind === 'v1' ? 'v1' : 'v2';
  const encode = (idx: number[]) => encodeRows(tasks, idx, features, version, encoders, weightsOf(idx));
  const fits = [encode(rowsOf(0, 48)), encode(rowsOf(48, 78))];
  const vals = [encode(rowsOf(150, 175)), encode(rowsOf(175, 185))];
  const scale = fitTimeScale(fits[0] as ReturnType<typeof encode>);
  const build = (): HeadNetwork[] => {
    const rng = createRng(kind);
    return (['correctness', 'time'] as const).map((h, i) =>
      buildHead(spec, h, vocab, () => rng.int32(), `${kind}${i}`),
    );
  };
  const models = (nets: HeadNetwork[]) =>
    nets.map((net, i) => {
      const fit = fits[i] as ReturnType<typeof encode>;
      const val = vals[i] as ReturnType<typeof encode>;
      return {
        net,
        fit,
        fitTarget: headTarget(fit, net.head, scale),
        val,
        valTarget: headTarget(val, net.head, scale),
      };
    });
  return { build, models };
}

const values = (net: HeadNetwork) => allVariables(net).map((v) => Array.from(v.dataSync()));
/**
 * Every variable but dense 1's bias: a ReLU column that is positive in every row of a batch feeds a
 * BatchNorm that subtracts the batch mean, so that bias's true gradient is 0 and both engines hold
 * rounding noise of ~1e-9 there, which Adam (dividing by √v + 1e-7) turns into updates of either sign.
 */
const comparable = (net: HeadNetwork) =>
  allVariables(net)
    .filter((v) => v !== net.vars.dense_1?.[1])
    .map((v) => Array.from(v.dataSync()));
const maxDiff = (a: number[][], b: number[][]) =>
  Math.max(...a.flatMap((xs, i) => xs.map((x, j) => Math.abs(x - (b[i]?.[j] as number)))));

// Model 0: 4 steps of 12 rows; model 1: 2 full steps, then sits out (padding and masked Adam on both sides).
// One epoch, v2 and base: v1 puts no BatchNorm between the embeddings and dense 1, so a user present in
// every row of a batch gets the same ~0 gradient as dense 1's bias (above), Adam turns its rounding
// noise into whole steps, and v1 runs part ways as any two summation orders would. simd-network.test.ts
// compares every architecture's gradients themselves.
const options: PhaseOptions = {
  epochs: 1,
  batchSize: 12,
  learningRate: 5e-3,
  patience: 0,
  restoreBestWeights: false,
};

describe('the fused SIMD engine', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  const cases: [string, ArchitectureKind, ReadonlySet<LayerName> | undefined, boolean][] = [
    ['v2 (embedding BatchNorms, L2 on users)', 'v2', undefined, false],
    [
      'v2 with the user side frozen (a frozen BatchNorm beside training ones)',
      'v2',
      new Set<LayerName>(['user_embedding', 'topic_embedding', 'user_bn']),
      false,
    ],
    [
      'base with the first four layers frozen (per-user fine-tune)',
      'base',
      new Set<LayerName>(['topic_embedding', 'difficulty_embedding', 'dense_1', 'trunk_bn']),
      false,
    ],
    // A monotone correctness head beside its plain time head: two engines in one phase, projection after Adam.
    ['v2 with the monotone response path', 'v2', undefined, true],
    [
      'base with the monotone response path and the first four layers frozen',
      'base',
      new Set<LayerName>(['topic_embedding', 'difficulty_embedding', 'dense_1', 'trunk_bn']),
      true,
    ],
  ];
  it.each(cases)(
    'trains %s to the weights and losses tfjs autograd gives',
    async (_, kind, frozen, monotone) => {
      const { build, models } = setup(kind, false, monotone);
      const o = { ...options, ...(frozen ? { frozen } : {}) };
      const ref = build();
      const fused = build();
      const start = fused.map(values);
      const frozenValues = (nets: HeadNetwork[]) =>
        nets.map((net) =>
          [...(frozen ?? [])].flatMap((l) => net.vars[l]?.map((v) => Array.from(v.dataSync())) ?? []),
        );
      const frozenBefore = frozenValues(fused);
      const before = tf.memory().numTensors;
      const a = await trainStacked({ models: models(ref), options: o, rng: inOrder, engine: 'tfjs' });
      const b = await trainStacked({ models: models(fused), options: o, rng: inOrder, engine: 'simd' });
      expect(tf.memory().numTensors).toBe(before);
      fused.forEach((net, i) => {
        const moved = maxDiff(values(net), start[i] as number[][]);
        expect(moved).toBeGreaterThan(1e-3);
        expect(maxDiff(comparable(net), comparable(ref[i] as HeadNetwork))).toBeLessThan(moved * 5e-3);
        // Losses of order 1, summed in float32 in a different order: equal to 5e-4.
        expect(maxDiff([b[i]?.losses ?? []], [a[i]?.losses ?? []])).toBeLessThan(5e-4);
        expect(maxDiff([b[i]?.valLosses as number[]], [a[i]?.valLosses as number[]])).toBeLessThan(5e-4);
      });
      expect(frozenValues(fused)).toEqual(frozenBefore);
      for (const net of [...ref, ...fused]) expect(monotoneViolations(net)).toEqual([]);
      // dense 1's outcome rows get gradients on every step: only the projection holds them at exactly 0.
      if (monotone) expect(fused.map((n) => n.spec.monotoneResponse)).toEqual([true, false]);
      [...ref, ...fused].forEach((n) => n.model.dispose());
    },
  );

  // The fused engine gathers a step's rows with a kernel from rows it packed; the tfjs engine takes
  // hostBatch's. Both must be the same batch: padding, a model sitting out, uneven weights, a short batch.
  // Two heads of one phase share their rows object: the second copies the first's pack, then its targets.
  it.each([
    ['each model on its own rows', false],
    ['two heads on the same rows', true],
  ])('stages a step as hostBatch does, bit for bit: %s', (_, shared) => {
    const { build, models } = setup('v2', false);
    const nets = build();
    const own = models(nets);
    const first = own[0] as (typeof own)[number];
    const phase = shared
      ? own.map((m) => ({
          ...m,
          fit: first.fit,
          fitTarget: headTarget(first.fit, m.net.head, fitTimeScale(first.fit)),
        }))
      : own;
    if (shared) expect(phase[1]?.fitTarget).not.toEqual(phase[0]?.fitTarget);
    const width = 12;
    const engine = createSimdEngine({
      models: phase.map((m) => ({
        net: m.net,
        fit: { rows: m.fit, target: m.fitTarget },
        val: null,
        valTarget: null,
      })),
      learningRates: [1e-3, 1e-3],
      width,
    });
    if (!engine?.epochOrders || !engine.stageStep) throw new Error('the fused engine stages its own rows');
    const rng = createRng('stage');
    const orders = phase.map((m) => rng.shuffle(Array.from({ length: m.fit.n }, (_, i) => i)));
    engine.epochOrders(orders);
    const packed = phase.map((m) => packRows({ rows: m.fit, target: m.fitTarget }));
    const batches = [12, 10];
    for (const [step, active] of [
      [0, [true, true]],
      [1, [true, false]],
      [2, [false, true]],
    ] as const) {
      const staged = engine.stageStep(step, batches, active);
      const want = hostBatch(
        packed,
        orders.map((o, m) =>
          active[m] ? o.slice(step * (batches[m] as number), (step + 1) * (batches[m] as number)) : null,
        ),
        width,
        { user: 0, topic: 0, difficulty: 0 },
        (m) => batches[m] as number,
      );
      for (const key of [
        'user',
        'topic',
        'difficulty',
        'history',
        'target',
        'coef',
        'real',
        'count',
      ] as const)
        expect(Array.from(staged[key]), `${key} at step ${step}`).toEqual(Array.from(want[key]));
    }
    engine.dispose();
    nets.forEach((n) => n.model.dispose());
  });
});
