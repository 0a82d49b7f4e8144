import * as tf from '@tensorflow/tfjs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTaskContexts } from '../features/task-context';
import { loadSeedFixture } from '../testing/test-data.test-helper';
import type { TrainedStrategy } from '../strategies/types';
import { presetRecipe } from '../strategies/catalogue';
import { DESIGN_NOTE_PER_USER } from '../strategies/recipe';
import { trainChoice } from '../strategies/strategy-spec';
import { loadBundle } from './load-bundle';
import { packBundle } from './pack-bundle';
import { readBundle } from './read-bundle';
import { takeSelfCheck, verifySelfCheck } from './self-check';

const FP = 'f'.repeat(64);

async function exported(trained: TrainedStrategy, labels?: Map<string, string>) {
  const { tasks, testIndices } = await loadSeedFixture();
  const key = (id: string) => labels?.get(id) ?? id;
  const selfCheck = await takeSelfCheck(trained, tasks, testIndices, FP);
  const packed = await packBundle({
    trained,
    seed: 3,
    backend: 'cpu',
    dataset: { fingerprint: FP, rows: tasks.length, users: 4 },
    metrics: null,
    selfCheck,
    labels,
    createdAt: new Date('2026-11-28T12:00:00Z'),
  });
  const read = readBundle(packed.bytes, packed.fileName);
  if (read.kind !== 'ok') throw new Error(read.message);
  const loaded = await loadBundle(read, key);
  return {
    tasks,
    packed,
    loaded,
    check: await verifySelfCheck(loaded.strategy, tasks, FP, read.manifest.selfCheck, key),
  };
}

describe('model bundles', () => {
  let weighted: TrainedStrategy;
  let perUserTrained: TrainedStrategy;
  beforeAll(async () => {
    await tf.setBackend('cpu');
    const { data } = await loadSeedFixture();
    weighted = await trainChoice({ id: 'weighted-loss', options: { epochs: 2, batchSize: 128 } }, data, {
      seed: 3,
    });
    perUserTrained = await trainChoice(
      {
        id: 'per-user',
        options: { epochs: 2, batchSize: 128, finetuneEpochs: 1, finetuneLearningRate: 1e-2 },
      },
      data,
      { seed: 3 },
    );
  });

  it('a reloaded single-model bundle predicts every held-out row as the trained model did (≤ 1e-6), without leaking tensors', async () => {
    const before = tf.memory().numTensors;
    const { packed, loaded, check, tasks } = await exported(weighted);
    expect(packed.fileName).toBe('retrain-lab-weighted-loss-2026-11-28.zip');
    expect(packed.manifest.features.version).toBe('v2');
    expect(packed.manifest.routing.users).toEqual({});
    expect(check).toMatchObject({ kind: 'checked', rows: 182, passed: true });
    if (check.kind === 'checked') expect(check.maxDiffPCorrect).toBeLessThanOrEqual(1e-6);
    // Beyond the stored rows: all 917 contexts agree too.
    const contexts = buildTaskContexts(tasks);
    const [a, b] = await Promise.all([weighted.predict(contexts), loaded.strategy.predict(contexts)]);
    a.pCorrect.forEach((p, i) => expect(Math.abs(p - (b.pCorrect[i] as number))).toBeLessThanOrEqual(1e-6));
    loaded.strategy.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('per-user bundles route each fine-tuned user to their own networks and everyone else to the base', async () => {
    const { packed, loaded, check } = await exported(perUserTrained);
    expect(Object.keys(packed.manifest.routing.users).sort()).toEqual([
      'bulk@example.com',
      'you2@example.com',
    ]);
    expect(packed.manifest.routing.users['bulk@example.com']?.correctness).toBe(
      'models/user-0001/correctness/model.json',
    );
    expect(check).toMatchObject({ kind: 'checked', passed: true });
    const files = unzipSync(packed.bytes);
    expect(Object.keys(files).filter((f) => f.endsWith('model.json'))).toHaveLength(6);
    // The base has no user embedding, so its vocabulary does not list users.
    const base = JSON.parse(strFromU8(files['models/shared/correctness/model.json'] as Uint8Array)) as {
      userDefinedMetadata: { encoders: { users: string[] } };
    };
    expect(base.userDefinedMetadata.encoders.users).toEqual([]);
    loaded.strategy.dispose();
  });

  it('with masked ids no user id appears in any file, and the labels still route and predict the same', async () => {
    const labels = new Map([
      ['bulk@example.com', 'User A'],
      ['you2@example.com', 'User B'],
      ['nigag@example.com', 'User C'],
      ['asss77@example.com', 'User D'],
    ]);
    for (const trained of [weighted, perUserTrained]) {
      const { packed, loaded, check } = await exported(trained, labels);
      expect(packed.manifest.idsMasked).toBe(true);
      expect(check).toMatchObject({ kind: 'checked', passed: true });
      for (const [name, bytes] of Object.entries(unzipSync(packed.bytes)))
        if (!name.endsWith('.bin')) expect(strFromU8(bytes), name).not.toContain('@');
      loaded.strategy.dispose();
    }
  });

  it('an own recipe exports with its recipe, reloads with its own embedding width, and masks its label', async () => {
    const { data } = await loadSeedFixture();
    const recipe = {
      ...presetRecipe('architecture-fixes', { epochs: 2, batchSize: 128 }),
      capPerUser: 200,
      weightExponent: 0.5,
      perUser: { ...DESIGN_NOTE_PER_USER, minTasks: 50, epochs: 1 },
      training: {
        ...presetRecipe('architecture-fixes', { epochs: 2, batchSize: 128 }).training,
        userEmbeddingDim: 8,
      },
    } as const;
    const own = await trainChoice({ id: 'my-mix', label: 'Tuned for bulk@example.com', recipe }, data, {
      seed: 3,
    });
    try {
      const plain = await exported(own);
      expect(plain.packed.fileName).toBe('retrain-lab-my-mix-2026-11-28.zip');
      expect(plain.packed.manifest.strategy).toMatchObject({ id: 'my-mix', recipe });
      expect(plain.packed.manifest.strategy.label).toBe('Tuned for bulk@example.com');
      expect(Object.keys(plain.packed.manifest.routing.users)).toEqual(['bulk@example.com']);
      expect(plain.check).toMatchObject({ kind: 'checked', passed: true });
      plain.loaded.strategy.dispose();

      const masked = await exported(
        own,
        new Map(['bulk', 'you2', 'nigag', 'asss77'].map((u, i) => [`${u}@example.com`, `User ${'ABCD'[i]}`])),
      );
      expect(masked.packed.manifest.strategy.label).toBe('Tuned for User A');
      expect(masked.check).toMatchObject({ kind: 'checked', passed: true });
      for (const [name, bytes] of Object.entries(unzipSync(masked.packed.bytes)))
        if (!name.endsWith('.bin')) expect(strFromU8(bytes), name).not.toContain('@');
      masked.loaded.strategy.dispose();
    } finally {
      own.dispose();
    }
  });

  it('refuses what is not a usable bundle, with the reason', async () => {
    const { packed } = await exported(weighted);
    const files = unzipSync(packed.bytes);
    const manifest = JSON.parse(strFromU8(files['manifest.json'] as Uint8Array)) as Record<string, unknown>;
    const rezip = (change: (f: Record<string, Uint8Array>) => void) => {
      const copy = { ...files };
      change(copy);
      return zipSync(copy);
    };
    const cases: [Uint8Array, RegExp][] = [
      [strToU8('userId,topic\nbulk,Calculus'), /not a readable zip archive/],
      [rezip((f) => delete f['manifest.json']), /no manifest\.json/],
      [rezip((f) => (f['manifest.json'] = strToU8('{oops'))), /not valid JSON/],
      [
        rezip((f) => (f['manifest.json'] = strToU8(JSON.stringify({ ...manifest, formatVersion: 3 })))),
        /bundle format 3; this lab reads formats 1 and 2/,
      ],
      [
        rezip((f) => (f['manifest.json'] = strToU8(JSON.stringify({ ...manifest, networks: undefined })))),
        /malformed at "networks": format 2 needs "networks"/,
      ],
      [
        rezip(
          (f) =>
            (f['manifest.json'] = strToU8(
              JSON.stringify({ ...manifest, features: { ...(manifest.features as object), specVersion: 7 } }),
            )),
        ),
        /spec version 7/,
      ],
      [
        rezip((f) => (f['manifest.json'] = strToU8(JSON.stringify({ ...manifest, seed: 'x' })))),
        /malformed at "seed"/,
      ],
      [
        rezip(
          (f) =>
            (f['models/shared/time/weights.bin'] = (f['models/shared/time/weights.bin'] as Uint8Array).slice(
              0,
              100,
            )),
        ),
        /truncated or corrupt/,
      ],
      [
        rezip((f) => delete f['models/shared/correctness/model.json']),
        /models\/shared\/correctness\/model\.json named in its manifest is missing/,
      ],
    ];
    for (const [bytes, reason] of cases) {
      const read = readBundle(bytes, 'm.zip');
      expect(read.kind).toBe('refused');
      const message = read.kind === 'refused' ? read.message : '';
      expect(message).toMatch(/^m\.zip was not loaded: /);
      expect(message).toMatch(reason);
    }
    // Network metadata of another feature version than the manifest: refused at load.
    const model = JSON.parse(strFromU8(files['models/shared/time/model.json'] as Uint8Array)) as {
      userDefinedMetadata: Record<string, unknown>;
    };
    model.userDefinedMetadata.featureVersion = 'v1';
    const read = readBundle(
      rezip((f) => (f['models/shared/time/model.json'] = strToU8(JSON.stringify(model)))),
      'm.zip',
    );
    if (read.kind !== 'ok') throw new Error(read.message);
    const before = tf.memory().numTensors;
    await expect(loadBundle(read)).rejects.toThrow(/reads features v1, the manifest says v2/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a monotone-response model exports as standard Keras layers, reloads, passes its self-check, and is refused when its weights break the promise', async () => {
    const { data } = await loadSeedFixture();
    const trained = await trainChoice(
      { id: 'weighted-loss', options: { epochs: 2, batchSize: 128, monotoneResponse: true } },
      data,
      { seed: 3 },
    );
    const { packed, loaded, check } = await exported(trained);
    expect(packed.manifest.strategy.options.monotoneResponse).toBe(true);
    expect(check).toMatchObject({ kind: 'checked', rows: 182, passed: true });
    loaded.strategy.dispose();
    const files = unzipSync(packed.bytes);
    const json = (path: string) =>
      JSON.parse(strFromU8(files[path] as Uint8Array)) as {
        modelTopology: { config: { layers: { class_name: string; name: string }[] } };
        userDefinedMetadata: Record<string, unknown>;
        weightsManifest: { weights: { name: string; shape: number[] }[] }[];
      };
    const correctness = json('models/shared/correctness/model.json');
    const layers = correctness.modelTopology.config.layers;
    expect([...new Set(layers.map((l) => l.class_name))].sort()).toEqual(
      [
        'Activation',
        'Add',
        'BatchNormalization',
        'Concatenate',
        'Dense',
        'Dropout',
        'Embedding',
        'Flatten',
        'InputLayer',
      ].sort(),
    );
    expect(layers.at(-1)?.name).toBe('probability');
    expect(correctness.userDefinedMetadata.monotonicity).toMatchObject({
      nonDecreasingIn: [
        'overall_correct_rate',
        'topic_correct_rate',
        'difficulty_correct_rate',
        'topic_difficulty_correct_rate',
        'recent_accuracy_5',
        'recent_topic_accuracy_5',
        'streak',
      ],
    });
    expect(
      (correctness.userDefinedMetadata.architectureSpec as { monotoneResponse?: boolean }).monotoneResponse,
    ).toBe(true);
    // The time network stays plain: no side path, no monotone promise.
    const time = json('models/shared/time/model.json');
    expect(time.modelTopology.config.layers.map((l) => l.name)).not.toContain('monotone_1');
    expect(time.userDefinedMetadata.monotonicity).toBeUndefined();

    // Make one weight of the side path's output kernel negative, in weights.bin (file order of the specs).
    const specs = correctness.weightsManifest[0]?.weights ?? [];
    let offset = 0;
    for (const w of specs) {
      if (w.name.startsWith('monotone_output/kernel')) break;
      offset += w.shape.reduce((a, b) => a * b, 1);
    }
    const weights = new Float32Array(
      (files['models/shared/correctness/weights.bin'] as Uint8Array).slice().buffer,
    );
    weights[offset] = -Math.abs(weights[offset] as number) - 0.5;
    const read = readBundle(
      zipSync({ ...files, 'models/shared/correctness/weights.bin': new Uint8Array(weights.buffer) }),
      'm.zip',
    );
    if (read.kind !== 'ok') throw new Error(read.message);
    await expect(loadBundle(read)).rejects.toThrow(
      /claims a monotone response but 1 weights of monotone_output should be non-negative/,
    );
    trained.dispose();
  });

  it("repeats each network's inputs, vocabularies and time scaling in the manifest (format 2), and still loads format 1", async () => {
    const { packed } = await exported(perUserTrained);
    const files = unzipSync(packed.bytes);
    const { networks, routing } = packed.manifest;
    const paths = [routing.fallback, ...Object.values(routing.users)].flatMap((r) => [r.correctness, r.time]);
    expect(Object.keys(networks ?? {}).sort()).toEqual([...paths].sort());
    for (const path of paths) {
      const meta = (
        JSON.parse(strFromU8(files[path] as Uint8Array)) as { userDefinedMetadata: Record<string, unknown> }
      ).userDefinedMetadata;
      const listed = networks?.[path];
      expect(listed?.encoders).toEqual(meta.encoders);
      expect(listed?.timeScale).toEqual(meta.timeScale);
      expect(listed?.inputs).toEqual(['topic_input', 'difficulty_input', 'history_input']);
    }
    // A format-1 bundle (no `networks`) is read from the model.json metadata alone.
    const manifest = JSON.parse(strFromU8(files['manifest.json'] as Uint8Array)) as Record<string, unknown>;
    const old = zipSync({
      ...files,
      'manifest.json': strToU8(JSON.stringify({ ...manifest, formatVersion: 1, networks: undefined })),
    });
    const read = readBundle(old, 'old.zip');
    if (read.kind !== 'ok') throw new Error(read.message);
    const loaded = await loadBundle(read);
    const { tasks } = await loadSeedFixture();
    expect(await verifySelfCheck(loaded.strategy, tasks, FP, read.manifest.selfCheck)).toMatchObject({
      kind: 'checked',
      passed: true,
    });
    loaded.strategy.dispose();
    // A manifest whose copy disagrees with the network's own metadata is refused at load.
    const shared = 'models/shared/time/model.json';
    const listed = networks?.[shared];
    const bad = readBundle(
      zipSync({
        ...files,
        'manifest.json': strToU8(
          JSON.stringify({
            ...manifest,
            networks: { ...networks, [shared]: { ...listed, timeScale: { ...listed?.timeScale, mean: 0 } } },
          }),
        ),
      }),
      'bad.zip',
    );
    if (bad.kind !== 'ok') throw new Error(bad.message);
    await expect(loadBundle(bad)).rejects.toThrow(
      /time\/model\.json and the manifest disagree on the time scaling/,
    );
  });

  it('says when the self-check cannot apply (another dataset)', async () => {
    const { loaded, tasks } = await exported(weighted);
    const { packed } = await exported(weighted);
    const result = await verifySelfCheck(loaded.strategy, tasks, 'a'.repeat(64), packed.manifest.selfCheck);
    expect(result).toMatchObject({ kind: 'not-applicable' });
    loaded.strategy.dispose();
  });
});
