/**
 * A strategy's model: a correctness head and a time head (separate networks, as the design note's two
 * Keras models), the feature version and vocabularies they read, and the time scaling. Creates,
 * clones, predicts in one batched pass with one read-back, exports and disposes. tfjs only.
 */
import * as tf from '@tensorflow/tfjs';
import { encodersToJson, type Encoders } from '../features/encoders';
import { secondsFromOutput, type EncodedInputs, type TimeScale } from '../features/encoded-rows';
import { FEATURE_COUNT, FEATURE_NAMES, type FeatureVersion } from '../features/history-features';
import { buildHead, type ArchitectureSpec, type HeadKind, type HeadNetwork } from './architecture';
import { forward, type BatchInputs } from './forward';
import { copyWeights } from './copy-weights';
import { monotoneColumns } from './monotone-path';

export interface TwoHeadModel {
  arch: ArchitectureSpec;
  version: FeatureVersion;
  encoders: Encoders;
  timeScale: TimeScale;
  correctness: HeadNetwork;
  time: HeadNetwork;
}

export const HEADS: readonly HeadKind[] = ['correctness', 'time'];

/** Build both heads with seeded initialisers; `name` prefixes the model names ("progressive" → "progressive.time"). */
export function createTwoHeadModel(
  arch: ArchitectureSpec,
  version: FeatureVersion,
  encoders: Encoders,
  timeScale: TimeScale,
  nextSeed: () => number,
  name: string,
): TwoHeadModel {
  const vocab = {
    users: encoders.user.size,
    topics: encoders.topic.size,
    difficulties: encoders.difficulty.size,
  };
  return {
    arch,
    version,
    encoders,
    timeScale,
    correctness: buildHead(arch, 'correctness', vocab, nextSeed, `${name}.correctness`),
    time: buildHead(arch, 'time', vocab, nextSeed, `${name}.time`),
  };
}

/** An independent copy (same architecture, vocabularies and weights) under another name. */
export function cloneTwoHeadModel(src: TwoHeadModel, name: string): TwoHeadModel {
  // Initialiser seeds are irrelevant: every weight is overwritten by the copy.
  const copy = createTwoHeadModel(src.arch, src.version, src.encoders, src.timeScale, () => 0, name);
  copyWeights(src.correctness, copy.correctness);
  copyWeights(src.time, copy.time);
  return copy;
}

/** Upload encoded inputs as the tensors `forward` takes (caller disposes, e.g. inside tidy). */
export function inputTensors(arch: ArchitectureSpec, rows: EncodedInputs): BatchInputs {
  const inputs: BatchInputs = {
    topic: tf.tensor1d(rows.topic, 'int32'),
    difficulty: tf.tensor1d(rows.difficulty, 'int32'),
    history: tf.tensor2d(rows.history, [rows.n, FEATURE_COUNT]),
  };
  if (arch.userEmbeddingDim > 0) inputs.user = tf.tensor1d(rows.user, 'int32');
  return inputs;
}

/**
 * Rows per forward pass when predicting. Each row's arithmetic does not depend on the rows beside it, so
 * chunks give the same values as one pass, while a pass over 200,000 rows (the held-out set of a million-row
 * file) built every intermediate as a 50 MB tensor and ran several times slower per row.
 */
export const PREDICT_CHUNK = 8192;

/** P(correct) and seconds for encoded rows: both heads in inference mode, one read-back per chunk. */
export async function predictTwoHeads(
  model: TwoHeadModel,
  rows: EncodedInputs,
): Promise<{ pCorrect: Float32Array; timeSeconds: Float32Array }> {
  const n = rows.n;
  const pCorrect = new Float32Array(n);
  const timeSeconds = new Float32Array(n);
  for (let start = 0; start < n; start += PREDICT_CHUNK) {
    const end = Math.min(n, start + PREDICT_CHUNK);
    const chunk = sliceRows(rows, start, end);
    const packed = tf.tidy(() => {
      const inputs = inputTensors(model.arch, chunk);
      const p = tf.sigmoid(forward(model.correctness, inputs, { training: false }));
      const t = forward(model.time, inputs, { training: false });
      return tf.concat([p, t]);
    });
    const values = (await packed.data()) as Float32Array;
    packed.dispose();
    const m = end - start;
    pCorrect.set(values.subarray(0, m), start);
    for (let i = 0; i < m; i++)
      timeSeconds[start + i] = secondsFromOutput(values[m + i] as number, model.timeScale);
  }
  return { pCorrect, timeSeconds };
}

/** Rows [start, end) of encoded inputs, as views (no copy). */
function sliceRows(rows: EncodedInputs, start: number, end: number): EncodedInputs {
  if (start === 0 && end === rows.n) return rows;
  return {
    n: end - start,
    user: rows.user.subarray(start, end),
    topic: rows.topic.subarray(start, end),
    difficulty: rows.difficulty.subarray(start, end),
    history: rows.history.subarray(start * FEATURE_COUNT, end * FEATURE_COUNT),
  };
}

/** Metadata an exported head needs to be used outside the lab (plain JSON, well under 1 MiB). */
export function modelMetadata(model: TwoHeadModel, head: HeadKind): Record<string, unknown> {
  const encoders = encodersToJson(model.encoders);
  return {
    architecture: model.arch.kind,
    architectureSpec: { ...model.arch },
    head,
    featureVersion: model.version,
    featureNames: [...FEATURE_NAMES],
    // Without a user embedding the user vocabulary is never read: leaving it out keeps a per-user
    // export (one model pair per user) from repeating every user id in every model.
    encoders: model.arch.userEmbeddingDim > 0 ? encoders : { ...encoders, users: [] },
    unknownIndex: 0,
    output:
      head === 'correctness'
        ? 'P(correct), sigmoid'
        : 'standardised log(1 + seconds): seconds = expm1(y × std + mean), clipped to [minSeconds, maxSeconds]',
    timeScale: head === 'time' ? { ...model.timeScale } : undefined,
    monotonicity:
      model.correctness.spec.monotoneResponse && head === 'correctness'
        ? monotoneMetadata(model.correctness.spec)
        : undefined,
  };
}

/** What an exported monotone head promises and how its weights keep it (docs/monotone-response.md). */
function monotoneMetadata(spec: ArchitectureSpec): Record<string, unknown> {
  return {
    nonDecreasingIn: monotoneColumns(spec).map((c) => FEATURE_NAMES[c]),
    constraints: [
      'dense_1 kernel rows of these features are 0 (the trunk does not read them)',
      'monotone_1 kernel rows of these features are >= 0',
      'monotone_output kernel is >= 0',
    ],
    output: 'sigmoid(output + monotone_output): layers "logit" (Add) then "probability" (Activation)',
    reference: 'docs/monotone-response.md',
  };
}

export function disposeTwoHeadModel(model: TwoHeadModel): void {
  model.correctness.model.dispose();
  model.time.model.dispose();
}
