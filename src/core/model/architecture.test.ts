import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../random/rng';
import { ARCHITECTURES, buildHead, presentLayers, type ArchitectureKind } from './architecture';
import { forward, regularizationLoss } from './forward';

const VOCAB = { users: 5, topics: 6, difficulties: 4 };
const B = 7;

function inputs(kind: ArchitectureKind) {
  const rng = createRng(9);
  const user = Int32Array.from({ length: B }, () => rng.int(VOCAB.users));
  const topic = Int32Array.from({ length: B }, () => rng.int(VOCAB.topics));
  const diff = Int32Array.from({ length: B }, () => rng.int(VOCAB.difficulties));
  const hist = Float32Array.from({ length: B * 13 }, () => rng.next() * 2 - 0.5);
  const forForward = {
    ...(kind === 'base' ? {} : { user: tf.tensor1d(user, 'int32') }),
    topic: tf.tensor1d(topic, 'int32'),
    difficulty: tf.tensor1d(diff, 'int32'),
    history: tf.tensor2d(hist, [B, 13]),
  };
  const forModel = [
    ...(kind === 'base' ? [] : [tf.tensor2d(user, [B, 1], 'int32')]),
    tf.tensor2d(topic, [B, 1], 'int32'),
    tf.tensor2d(diff, [B, 1], 'int32'),
    tf.tensor2d(hist, [B, 13]),
  ];
  return { forForward, forModel };
}

describe('architectures', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('name every layer explicitly, the same way on every build', () => {
    const seeds = createRng(1);
    const a = buildHead(ARCHITECTURES.v2, 'correctness', VOCAB, () => seeds.int32(), 'a');
    const b = buildHead(ARCHITECTURES.v2, 'correctness', VOCAB, () => seeds.int32(), 'b');
    expect(a.model.layers.map((l) => l.name)).toEqual(b.model.layers.map((l) => l.name));
    expect(a.model.layers.map((l) => l.name)).toContain('user_bn');
    a.model.dispose();
    b.model.dispose();
  });

  it('build v1, v2 and base as the design note describes', () => {
    const seeds = createRng(1);
    const build = (k: ArchitectureKind) => buildHead(ARCHITECTURES[k], 'time', VOCAB, () => seeds.int32(), k);
    const v1 = build('v1');
    const v2 = build('v2');
    const base = build('base');
    expect(v1.vars.user_embedding?.[0]?.shape).toEqual([5, 32]);
    expect(v2.vars.user_embedding?.[0]?.shape).toEqual([5, 16]);
    expect(presentLayers(v1)).not.toContain('user_bn');
    expect(presentLayers(v2)).toEqual(
      expect.arrayContaining(['user_bn', 'topic_bn', 'difficulty_bn', 'trunk_bn']),
    );
    expect(presentLayers(base)).toEqual([
      'topic_embedding',
      'difficulty_embedding',
      'dense_1',
      'trunk_bn',
      'dense_2',
      'output',
    ]);
    expect(v1.vars.dense_1?.[0]?.shape).toEqual([32 + 16 + 8 + 13, 64]);
    expect(v2.vars.dense_2?.[0]?.shape).toEqual([64, 32]);
    for (const n of [v1, v2, base]) n.model.dispose();
  });

  it('give identical initial weights for the same seed', () => {
    const w = (seed: number) => {
      const s = createRng(seed);
      const net = buildHead(ARCHITECTURES.v2, 'correctness', VOCAB, () => s.int32(), `s${seed}`);
      const values = net.model.getWeights().map((t) => Array.from(t.dataSync()));
      net.model.dispose();
      return values;
    };
    expect(w(5)).toEqual(w(5));
    expect(w(5)).not.toEqual(w(6));
  });

  for (const kind of ['v1', 'v2', 'base'] as const) {
    it(`${kind}: the hand-written inference pass equals model.predict`, () => {
      const s = createRng(2);
      const net = buildHead(ARCHITECTURES[kind], 'correctness', VOCAB, () => s.int32(), `p${kind}`);
      // Non-trivial BatchNorm statistics, so the inference path is really exercised.
      for (const layer of net.model.layers.filter((l) => l.name.endsWith('_bn'))) {
        const [g, b, m, v] = layer.getWeights() as tf.Tensor[];
        layer.setWeights([
          tf.add(g as tf.Tensor, 0.5),
          tf.add(b as tf.Tensor, 0.1),
          tf.add(m as tf.Tensor, 0.2),
          tf.mul(v as tf.Tensor, 2.5),
        ]);
      }
      const { forForward, forModel } = inputs(kind);
      const mine = tf.sigmoid(forward(net, forForward, { training: false })).dataSync();
      const theirs = (net.model.predict(forModel) as tf.Tensor).dataSync();
      expect(Array.from(mine)).toEqual(Array.from(theirs).map((x) => expect.closeTo(x, 5)));
      net.model.dispose();
    });
  }

  it('v2 adds 0.01 × Σw² of the user embedding; v1 adds nothing', () => {
    const s = createRng(3);
    const v2 = buildHead(ARCHITECTURES.v2, 'correctness', VOCAB, () => s.int32(), 'r2');
    const v1 = buildHead(ARCHITECTURES.v1, 'correctness', VOCAB, () => s.int32(), 'r1');
    const table = v2.vars.user_embedding?.[0] as tf.Variable;
    const expected = 0.01 * Array.from(table.dataSync()).reduce((a, x) => a + x * x, 0);
    expect(regularizationLoss(v2)?.dataSync()[0]).toBeCloseTo(expected, 7);
    expect(regularizationLoss(v1)).toBeNull();
    v1.model.dispose();
    v2.model.dispose();
  });
});

describe('export', () => {
  it('round-trips a head through in-memory artifacts with its metadata', async () => {
    await tf.setBackend('cpu');
    const { modelFromArtifacts, modelToArtifacts } = await import('./export-artifacts');
    const s = createRng(4);
    const net = buildHead(ARCHITECTURES.v2, 'correctness', VOCAB, () => s.int32(), 'exp');
    const artifacts = await modelToArtifacts(net.model, { featureVersion: 'v2', skipped: undefined });
    expect(artifacts.userDefinedMetadata).toEqual({ featureVersion: 'v2' });
    const back = await modelFromArtifacts(artifacts);
    const { forModel } = inputs('v2');
    const a = (net.model.predict(forModel) as tf.Tensor).dataSync();
    const b = (back.predict(forModel) as tf.Tensor).dataSync();
    expect(Array.from(b)).toEqual(Array.from(a));
    expect(back.layers.map((l) => l.name)).toEqual(net.model.layers.map((l) => l.name));
    back.dispose();
    net.model.dispose();
  });
});
