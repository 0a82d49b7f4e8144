import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { COUNT_FEATURE_COLUMNS, FEATURE_COUNT, OUTCOME_FEATURE_COLUMNS } from '../features/history-features';
import { createRng } from '../random/rng';
import {
  ARCHITECTURES,
  buildHead,
  headFromModel,
  headSpec,
  presentLayers,
  withMonotoneResponse,
  type ArchitectureKind,
} from './architecture';
import { forward } from './forward';
import { modelFromArtifacts, modelToArtifacts } from './export-artifacts';
import {
  MONOTONE_UNITS,
  monotoneRules,
  monotoneViolations,
  outcomeInputRows,
  projectHead,
} from './monotone-path';

const VOCAB = { users: 5, topics: 6, difficulties: 4 };
const KINDS: ArchitectureKind[] = ['v1', 'v2', 'base'];
const on = (kind: ArchitectureKind) => ({ ...ARCHITECTURES[kind], monotoneResponse: true });

/** Rows of random inputs for the model's predict ([B, 1] indices, [B, 13] history). */
function modelInputs(kind: ArchitectureKind, idx: number[][], hist: Float32Array): tf.Tensor[] {
  const b = idx.length;
  const col = (j: number) =>
    tf.tensor2d(
      idx.map((r) => r[j] as number),
      [b, 1],
      'int32',
    );
  return [...(kind === 'base' ? [] : [col(0)]), col(1), col(2), tf.tensor2d(hist, [b, FEATURE_COUNT])];
}

/** Random weights that keep the path's rules: every variable redrawn wide, then projected. */
function randomise(net: ReturnType<typeof buildHead>, seed: number): void {
  const rng = createRng(seed);
  for (const layer of net.model.layers) {
    const ws = layer.getWeights();
    if (ws.length === 0) continue;
    layer.setWeights(
      ws.map((w, i) =>
        // BatchNorm variance (index 3) must stay positive.
        layer.name.endsWith('_bn') && i === 3
          ? tf.add(
              tf.mul(
                tf.tensor(
                  Float32Array.from({ length: w.size }, () => rng.next()),
                  w.shape,
                ),
                2,
              ),
              0.1,
            )
          : tf.tensor(
              Float32Array.from({ length: w.size }, () => (rng.next() * 2 - 1) * 1.5),
              w.shape,
            ),
      ),
    );
  }
  projectHead(net);
}

describe('the monotone response path', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('adds a side path of standard layers to correctness heads only', () => {
    const s = createRng(1);
    for (const kind of KINDS) {
      const c = buildHead(on(kind), 'correctness', VOCAB, () => s.int32(), `c${kind}`);
      const t = buildHead(on(kind), 'time', VOCAB, () => s.int32(), `t${kind}`);
      expect(presentLayers(c).slice(-2)).toEqual(['monotone_1', 'monotone_output']);
      expect(c.vars.monotone_1?.[0]?.shape).toEqual([
        c.spec.userEmbeddingDim + 16 + 8 + FEATURE_COUNT,
        MONOTONE_UNITS,
      ]);
      expect(c.model.layers.map((l) => l.getClassName())).toEqual(
        expect.arrayContaining(['Dense', 'Add', 'Activation']),
      );
      // The time head keeps the plain architecture: nothing to keep monotone there.
      expect(t.spec.monotoneResponse).toBe(false);
      expect(presentLayers(t)).not.toContain('monotone_1');
      expect(t.model.layers.map((l) => l.name)).not.toContain('logit');
      c.model.dispose();
      t.model.dispose();
    }
  });

  it('leaves the plain architectures exactly as they were (same layers, same initial weights)', () => {
    const build = (monotone: boolean | undefined) => {
      const s = createRng(7);
      const spec =
        monotone === undefined ? ARCHITECTURES.v2 : { ...ARCHITECTURES.v2, monotoneResponse: monotone };
      const net = buildHead(spec, 'correctness', VOCAB, () => s.int32(), 'plain');
      const out = net.model.getWeights().map((w) => Array.from(w.dataSync()));
      net.model.dispose();
      return out;
    };
    expect(build(false)).toEqual(build(undefined));
  });

  it('starts on its constraint set, and the outcome rows of the trunk are zero', () => {
    const s = createRng(2);
    for (const kind of KINDS) {
      const net = buildHead(on(kind), 'correctness', VOCAB, () => s.int32(), `i${kind}`);
      expect(monotoneViolations(net)).toEqual([]);
      const [inRows, units] = net.vars.dense_1?.[0]?.shape as [number, number];
      const w = net.vars.dense_1?.[0]?.dataSync() as Float32Array;
      for (const row of outcomeInputRows(net.spec))
        expect(Array.from(w.subarray(row * units, (row + 1) * units))).toEqual(new Array(units).fill(0));
      expect(inRows).toBe(outcomeInputRows(net.spec).at(-1)! + 1 + 3);
      // |w| at initialisation: no dead half of the side path's outcome weights.
      const m = net.vars.monotone_1?.[0]?.dataSync() as Float32Array;
      const row0 = outcomeInputRows(net.spec)[0] as number;
      const first = Array.from(m.subarray(row0 * MONOTONE_UNITS, (row0 + 1) * MONOTONE_UNITS));
      expect(first.filter((x) => x > 0).length).toBeGreaterThan(MONOTONE_UNITS / 2);
      net.model.dispose();
    }
  });

  it('projection is what a Keras NonNeg / zero constraint does, and it finds broken weights', () => {
    const s = createRng(3);
    const net = buildHead(on('v2'), 'correctness', VOCAB, () => s.int32(), 'proj');
    const k = net.vars.monotone_output?.[0] as tf.Variable;
    k.assign(tf.neg(k));
    expect(monotoneViolations(net)).toEqual([
      `${MONOTONE_UNITS} weights of monotone_output should be non-negative`,
    ]);
    projectHead(net);
    expect(Array.from(k.dataSync())).toEqual(new Array(MONOTONE_UNITS).fill(0));
    expect(monotoneViolations(net)).toEqual([]);
    expect(monotoneRules(ARCHITECTURES.v2)).toEqual([]);
    net.model.dispose();
  });

  const propertyCases = [
    ...KINDS.map((k) => [k, false] as const),
    ['v1', true] as const,
    ['base', true] as const,
  ];
  for (const [kind, counts] of propertyCases) {
    it(`${kind}${counts ? ' (counts too)' : ''}: raising only the monotone features never lowers P, in the model and in forward (random weights)`, () => {
      const spec = withMonotoneResponse(ARCHITECTURES[kind], true, counts);
      const net = buildHead(spec, 'correctness', VOCAB, () => 11, `m${kind}`);
      const outcome = new Set<number>(
        counts ? [...OUTCOME_FEATURE_COLUMNS, ...COUNT_FEATURE_COLUMNS] : OUTCOME_FEATURE_COLUMNS,
      );
      const rowArb = fc.record({
        idx: fc.tuple(fc.nat(VOCAB.users - 1), fc.nat(VOCAB.topics - 1), fc.nat(VOCAB.difficulties - 1)),
        hist: fc.array(fc.float({ min: -1, max: 2, noNaN: true }), {
          minLength: FEATURE_COUNT,
          maxLength: FEATURE_COUNT,
        }),
        // Non-negative steps on the outcome columns; other columns untouched.
        up: fc.array(fc.float({ min: 0, max: 1, noNaN: true }), {
          minLength: FEATURE_COUNT,
          maxLength: FEATURE_COUNT,
        }),
      });
      fc.assert(
        fc.property(fc.integer(), fc.array(rowArb, { minLength: 1, maxLength: 16 }), (seed, rows) => {
          randomise(net, seed);
          const idx = rows.map((r) => [...r.idx]);
          const low = Float32Array.from(rows.flatMap((r) => r.hist));
          const high = Float32Array.from(
            rows.flatMap((r) => r.hist.map((x, c) => (outcome.has(c) ? x + (r.up[c] as number) : x))),
          );
          const viaModel = (h: Float32Array) =>
            tf.tidy(() => Array.from((net.model.predict(modelInputs(kind, idx, h)) as tf.Tensor).dataSync()));
          const viaForward = (h: Float32Array) =>
            tf.tidy(() => {
              const [user, topic, difficulty] = [0, 1, 2].map((j) =>
                tf.tensor1d(
                  idx.map((r) => r[j] as number),
                  'int32',
                ),
              ) as [tf.Tensor1D, tf.Tensor1D, tf.Tensor1D];
              const input = {
                ...(kind === 'base' ? {} : { user }),
                topic,
                difficulty,
                history: tf.tensor2d(h, [rows.length, FEATURE_COUNT]),
              };
              return Array.from(tf.sigmoid(forward(net, input, { training: false })).dataSync());
            });
          for (const run of [viaModel, viaForward]) {
            const [a, b] = [run(low), run(high)];
            a.forEach((p, i) => expect(b[i] as number).toBeGreaterThanOrEqual((p as number) - 1e-6));
          }
        }),
        { seed: 16_16, numRuns: 60 },
      );
      net.model.dispose();
    });
  }

  it('keeps the counts free unless asked, and the spec helpers keep plain specs plain', () => {
    const s = createRng(8);
    const outcomeOnly = buildHead(on('v2'), 'correctness', VOCAB, () => s.int32(), 'o');
    const withCounts = buildHead(
      withMonotoneResponse(ARCHITECTURES.v2, true, true),
      'correctness',
      VOCAB,
      () => s.int32(),
      'c',
    );
    const countRow = (outcomeInputRows(outcomeOnly.spec)[0] as number) + 4; // overall_task_count
    const row = (net: typeof outcomeOnly) =>
      Array.from(
        (net.vars.dense_1?.[0]?.dataSync() as Float32Array).subarray(countRow * 64, (countRow + 1) * 64),
      );
    expect(row(outcomeOnly).some((w) => w !== 0)).toBe(true);
    expect(row(withCounts)).toEqual(new Array(64).fill(0));
    expect(outcomeInputRows(withCounts.spec)).toHaveLength(10);
    expect(withMonotoneResponse(ARCHITECTURES.v2, false)).toBe(ARCHITECTURES.v2);
    expect(withMonotoneResponse(withCounts.spec, false)).toEqual(ARCHITECTURES.v2);
    expect(headSpec(withCounts.spec, 'time')).toEqual({ ...ARCHITECTURES.v2, monotoneResponse: false });
    outcomeOnly.model.dispose();
    withCounts.model.dispose();
  });

  it('is not monotone without the path (the property test can fail)', () => {
    const net = buildHead(ARCHITECTURES.base, 'correctness', VOCAB, () => 5, 'plain');
    let lowered = 0;
    for (let seed = 0; seed < 10 && lowered === 0; seed++) {
      randomise(net, seed);
      const idx = Array.from({ length: 32 }, (_, i) => [0, i % 6, i % 4]);
      const rng = createRng(seed);
      const low = Float32Array.from({ length: 32 * FEATURE_COUNT }, () => rng.next());
      const high = low.map((x, i) =>
        (OUTCOME_FEATURE_COLUMNS as readonly number[]).includes(i % 13) ? x + 0.5 : x,
      );
      const p = (h: Float32Array) => (net.model.predict(modelInputs('base', idx, h)) as tf.Tensor).dataSync();
      const [a, b] = [p(low), p(high)];
      lowered += Array.from(a).filter((x, i) => (b[i] as number) < x - 1e-6).length;
    }
    expect(lowered).toBeGreaterThan(0);
    net.model.dispose();
  });

  it('forward equals model.predict, and the export reloads with the same layers and outputs', async () => {
    const s = createRng(4);
    const net = buildHead(on('v2'), 'correctness', VOCAB, () => s.int32(), 'exp');
    randomise(net, 99);
    const idx = Array.from({ length: 9 }, (_, i) => [i % 5, i % 6, i % 4]);
    const rng = createRng(5);
    const hist = Float32Array.from({ length: 9 * FEATURE_COUNT }, () => rng.next());
    const theirs = Array.from((net.model.predict(modelInputs('v2', idx, hist)) as tf.Tensor).dataSync());
    const mine = tf.tidy(() =>
      Array.from(
        tf
          .sigmoid(
            forward(
              net,
              {
                user: tf.tensor1d(
                  idx.map((r) => r[0] as number),
                  'int32',
                ),
                topic: tf.tensor1d(
                  idx.map((r) => r[1] as number),
                  'int32',
                ),
                difficulty: tf.tensor1d(
                  idx.map((r) => r[2] as number),
                  'int32',
                ),
                history: tf.tensor2d(hist, [9, FEATURE_COUNT]),
              },
              { training: false },
            ),
          )
          .dataSync(),
      ),
    );
    expect(mine).toEqual(theirs.map((x) => expect.closeTo(x, 5)));

    const artifacts = await modelToArtifacts(net.model, { architectureSpec: net.spec });
    const topology = JSON.stringify(artifacts.modelTopology);
    for (const cls of ['"Add"', '"Activation"', '"monotone_1"', '"probability"'])
      expect(topology).toContain(cls);
    const back = await modelFromArtifacts(artifacts);
    const reloaded = headFromModel(on('v2'), 'correctness', back);
    expect(monotoneViolations(reloaded)).toEqual([]);
    expect(Array.from((back.predict(modelInputs('v2', idx, hist)) as tf.Tensor).dataSync())).toEqual(theirs);
    // A plain spec cannot claim a monotone model, nor the other way round.
    expect(() => headFromModel(ARCHITECTURES.v2, 'correctness', back)).toThrow(/v2 architecture/);
    back.dispose();
    net.model.dispose();
  });
});
