import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeRows, fitTimeScale, headTarget } from '../../features/encoded-rows';
import { FEATURE_COUNT, OUTCOME_FEATURE_COLUMNS } from '../../features/history-features';
import {
  ARCHITECTURES,
  buildHead,
  headSpec,
  withMonotoneResponse,
  type ArchitectureKind,
  type HeadKind,
  type LayerName,
} from '../../model/architecture';
import { createRng } from '../../random/rng';
import { instantiateKernels } from './simd-kernels';
import { layoutOf, slotOf } from './simd-layout';
import { Arena } from './simd-buffers';
import { SimdNetwork } from './simd-network';
import { hostBatch, packRows } from '../loop/stacked-batch';
import {
  disposeStacked,
  stackNetworks,
  stackedForward,
  stackedRegularization,
  stackedRowLoss,
  trainableStacked,
} from '../loop/stacked-network';
import { trainingFixture } from '../loop/training-fixture.test-helper';

const { tasks, features, encoders, vocab } = trainingFixture(120, 6);
const DECAY = 0.01;

/** Gradients of one step (Σ coef·loss + L2) by tfjs autograd and by the fused network, per trainable variable. */
function gradientsBothWays(
  kind: ArchitectureKind,
  head: HeadKind,
  frozen?: ReadonlySet<LayerName>,
  monotone: boolean | 'counts' = false,
) {
  const plain = { ...ARCHITECTURES[kind], dropout1: 0, dropout2: 0 };
  const spec = headSpec(withMonotoneResponse(plain, monotone !== false, monotone === 'counts'), head);
  const idx = Array.from({ length: 37 }, (_, i) => 3 * i);
  const rows = encodeRows(
    tasks,
    idx,
    features,
    kind === 'v1' ? 'v1' : 'v2',
    encoders,
    idx.map((i) => 0.3 + (i % 4)),
  );
  const target = headTarget(rows, head, fitTimeScale(rows));
  const rng = createRng(kind + head);
  const net = buildHead(spec, head, vocab, () => rng.int32(), `g${kind}`);
  const layout = layoutOf(net, frozen);
  const hb = hostBatch(
    [packRows({ rows, target })],
    [idx.map((_, j) => j)],
    rows.n,
    { user: 0, topic: 0, difficulty: 0 },
    () => 20,
  );

  const arena = new Arena();
  const params = arena.take(layout.size);
  const grad = arena.take(layout.trainable);
  const network = new SimdNetwork(spec, layout, arena, rows.n);
  const kernels = instantiateKernels(arena.total);
  network.attach(kernels);
  for (const s of layout.slots)
    kernels.f32.set(net.vars[s.layer]?.[s.index]?.dataSync() as Float32Array, params + s.at);
  const fusedLoss = network.trainStep(
    params,
    grad,
    { ...hb, start: 0, n: rows.n },
    head === 'correctness',
    DECAY,
    1,
  );

  const stacked = stackNetworks([net]);
  const vars = trainableStacked(stacked, frozen);
  const batch = {
    ...(spec.userEmbeddingDim > 0 ? { user: tf.tensor1d(hb.user, 'int32') } : {}),
    topic: tf.tensor1d(hb.topic, 'int32'),
    difficulty: tf.tensor1d(hb.difficulty, 'int32'),
    history: tf.tensor3d(hb.history, [1, rows.n, hb.history.length / rows.n]),
    target: tf.tensor2d(hb.target, [1, rows.n]),
  };
  const coef = tf.tensor2d(hb.coef, [1, rows.n]);
  const mode = {
    real: null,
    invCount: tf.tensor3d([1 / rows.n], [1, 1, 1]),
    bnDecay: tf.tensor3d([DECAY], [1, 1, 1]),
    ...(frozen ? { frozen } : {}),
    nextSeed: () => 1,
  };
  const { value, grads } = tf.variableGrads(() => {
    const out = stackedForward(stacked, batch, mode);
    const data = tf.sum(tf.mul(stackedRowLoss(stacked, out, batch.target), coef));
    const reg = stackedRegularization(stacked, frozen);
    return (reg ? tf.add(data, tf.sum(reg)) : data) as tf.Scalar;
  }, vars);
  const refLoss = value.dataSync()[0] as number;
  // Variables of the stack in layout order: trainable ones first, as the fused block.
  const compared = layout.slots
    .filter((s) => s.trainable)
    .map((s) => {
      const v = stacked.vars[s.layer]?.[s.index] as tf.Variable;
      return {
        name: `${s.layer}[${s.index}]`,
        ref: Array.from(grads[v.name]?.dataSync() ?? []),
        fused: Array.from(kernels.f32.subarray(grad + s.at, grad + s.at + s.size)),
      };
    });
  const moving = layout.slots
    .filter((s) => s.layer.endsWith('_bn') && s.index >= 2)
    .map((s) => ({
      name: `${s.layer}[${s.index}]`,
      ref: Array.from(stacked.vars[s.layer]?.[s.index]?.dataSync() ?? []),
      fused: Array.from(kernels.f32.subarray(params + s.at, params + s.at + s.size)),
    }));
  tf.dispose([value, ...Object.values(grads), ...Object.values(batch), coef, mode.invCount, mode.bnDecay]);
  disposeStacked(stacked);
  net.model.dispose();
  return { refLoss, fusedLoss, compared, moving, layout };
}

const worst = (a: number[], b: number[]) => Math.max(0, ...a.map((x, i) => Math.abs(x - (b[i] as number))));
const scaleOf = (a: number[]) => Math.max(1e-6, ...a.map(Math.abs));

describe('SimdNetwork.trainStep', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  const cases: [ArchitectureKind, HeadKind, ReadonlySet<LayerName> | undefined, boolean | 'counts'][] = [
    ['v1', 'correctness', undefined, false],
    ['v1', 'time', undefined, false],
    ['v2', 'correctness', undefined, false],
    ['v2', 'time', new Set<LayerName>(['user_embedding', 'topic_embedding', 'user_bn']), false],
    [
      'base',
      'correctness',
      new Set<LayerName>(['topic_embedding', 'difficulty_embedding', 'dense_1', 'trunk_bn']),
      false,
    ],
    // The monotone side path: its own weights, and its share of the embeddings' gradient.
    ['v1', 'correctness', undefined, true],
    ['v1', 'correctness', undefined, 'counts'],
    ['v2', 'correctness', undefined, true],
    ['base', 'correctness', undefined, true],
    ['v2', 'correctness', new Set<LayerName>(['user_embedding', 'dense_1', 'monotone_output']), true],
    ['base', 'correctness', new Set<LayerName>(['topic_embedding', 'difficulty_embedding', 'dense_1']), true],
  ];
  it.each(cases)(
    'gives the %s %s head the gradients of tfjs autograd (frozen: %s, monotone: %s)',
    (kind, head, frozen, monotone) => {
      const { refLoss, fusedLoss, compared, moving, layout } = gradientsBothWays(
        kind,
        head,
        frozen,
        monotone,
      );
      expect(fusedLoss).toBeCloseTo(refLoss, 4);
      expect(compared.length).toBe(layout.slots.filter((s) => s.trainable).length);
      for (const { name, ref, fused } of [...compared, ...moving])
        expect({ name, error: worst(fused, ref) / scaleOf(ref) }).toEqual({
          name,
          error: expect.closeTo(0, 3),
        });
      // Something flowed into every trainable variable.
      for (const { name, fused } of compared)
        expect({ name, moved: scaleOf(fused) > 1e-6 }).toEqual({ name, moved: true });
    },
  );
});

describe('SimdNetwork.trainStep with dropout on', () => {
  it('gives the gradient of the loss it returns (central differences, same dropout masks)', () => {
    const spec = ARCHITECTURES.v2;
    const idx = Array.from({ length: 40 }, (_, i) => 2 * i);
    const rows = encodeRows(tasks, idx, features, 'v2', encoders);
    const target = headTarget(rows, 'correctness', fitTimeScale(rows));
    const rng = createRng('fd');
    const net = buildHead(spec, 'correctness', vocab, () => rng.int32(), 'fd');
    const layout = layoutOf(net);
    const hb = hostBatch(
      [packRows({ rows, target })],
      [idx.map((_, j) => j)],
      rows.n,
      { user: 0, topic: 0, difficulty: 0 },
      () => 4,
    );
    const arena = new Arena();
    const params = arena.take(layout.size);
    const grad = arena.take(layout.trainable);
    const scratch = arena.take(layout.trainable);
    const network = new SimdNetwork(spec, layout, arena, rows.n);
    const kernels = instantiateKernels(arena.total);
    network.attach(kernels);
    const f = kernels.f32;
    for (const s of layout.slots)
      f.set(net.vars[s.layer]?.[s.index]?.dataSync() as Float32Array, params + s.at);
    const batch = { ...hb, start: 0, n: rows.n };
    // Decay 0: the moving statistics stay put, so every call sees the same network.
    const lossAt = (into: number) => network.trainStep(params, into, batch, true, 0, 12345);
    lossAt(grad);
    // Small enough that no ReLU input crosses 0 (at 1e-2 the embeddings' checks are 3 % off for that
    // reason alone), large enough to stay above float32 noise.
    const eps = 1e-4;
    const wrong: string[] = [];
    for (const [layer, index] of [
      ['dense_1', 0],
      ['trunk_bn', 0],
      ['dense_2', 0],
      ['output', 0],
      ['user_embedding', 0],
      ['topic_bn', 1],
    ] as const) {
      const slot = slotOf(layout, layer, index);
      // The entries with the largest gradients: well above float32 noise.
      const order = Array.from({ length: slot.size }, (_, i) => i).sort(
        (a, b) => Math.abs(f[grad + slot.at + b] as number) - Math.abs(f[grad + slot.at + a] as number),
      );
      for (const i of order.slice(0, 3)) {
        const at = params + slot.at + i;
        const w = f[at] as number;
        f[at] = w + eps;
        const up = lossAt(scratch);
        f[at] = w - eps;
        const down = lossAt(scratch);
        f[at] = w;
        const numeric = (up - down) / (2 * eps);
        const analytic = f[grad + slot.at + i] as number;
        if (!(Math.abs(numeric - analytic) <= 1e-2 + 2e-3 * Math.abs(analytic)))
          wrong.push(`${layer}[${index}][${i}]: analytic ${analytic}, numeric ${numeric}`);
      }
    }
    expect(wrong).toEqual([]);
    net.model.dispose();
  });
});

describe('SimdNetwork with the monotone response path', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it.each(['v1', 'v2', 'base'] as const)(
    '%s: raising only outcome features never lowers the fused forward’s output (random weights)',
    (kind) => {
      const spec = { ...ARCHITECTURES[kind], monotoneResponse: true };
      const net = buildHead(spec, 'correctness', vocab, () => 3, `mono${kind}`);
      const layout = layoutOf(net);
      const n = 64;
      const arena = new Arena();
      const params = arena.take(layout.size);
      const network = new SimdNetwork(net.spec, layout, arena, 16);
      const kernels = instantiateKernels(arena.total);
      network.attach(kernels);
      const f = kernels.f32;
      const outcome = new Set<number>(OUTCOME_FEATURE_COLUMNS);
      fc.assert(
        fc.property(fc.integer(), (seed) => {
          const rng = createRng(seed);
          // Every weight redrawn wide (BatchNorm variances positive), then put back on the constraint set.
          for (const s of layout.slots) {
            const variance = s.layer.endsWith('_bn') && s.index === 3;
            for (let i = 0; i < s.size; i++)
              f[params + s.at + i] = variance ? 0.1 + 2 * rng.next() : (rng.next() * 2 - 1) * 1.5;
          }
          network.project(params);
          const rows = {
            user: Int32Array.from({ length: n }, () => rng.int(vocab.users)),
            topic: Int32Array.from({ length: n }, () => rng.int(vocab.topics)),
            difficulty: Int32Array.from({ length: n }, () => rng.int(vocab.difficulties)),
            history: Float32Array.from({ length: n * FEATURE_COUNT }, () => rng.next() * 3 - 1),
            target: new Float32Array(n),
            coef: new Float32Array(n),
            start: 0,
            n,
          };
          const low = network.inferOutputs(params, rows);
          const history = rows.history.map((x, i) => (outcome.has(i % FEATURE_COUNT) ? x + rng.next() : x));
          const high = network.inferOutputs(params, { ...rows, history });
          low.forEach((o, i) => expect(high[i] as number).toBeGreaterThanOrEqual(o - 1e-5));
        }),
        { seed: 16_17, numRuns: 40 },
      );
      net.model.dispose();
    },
  );
});
