/**
 * Open a model bundle file: list the zip, inflate only what the manifest names — each entry within a
 * byte budget (weights: exactly what their declared shapes need) — validate the manifest (format,
 * feature spec version, schema, at least one stored row for the self-check) and turn every network the
 * routing names into tfjs ModelArtifacts. Any fault — not a zip, a zip bomb, no manifest, another
 * version, a missing or truncated weights file — refuses the file with the entry and the reason.
 */
import * as tf from '@tensorflow/tfjs';
import { strFromU8 } from 'fflate';
import { FEATURE_SPEC_VERSION } from '../features/feature-spec';
import { FEATURE_NAMES } from '../features/history-features';
import {
  MANIFEST_PATH,
  manifestIncompatibility,
  manifestSchema,
  type BundleManifest,
} from './bundle-manifest';
import { inflateEntry, listZipEntries, type ZipEntry } from './zip-entries';

/** manifest.json: the report entry of a strategy on thousands of users, and the stored rows, fit easily. */
export const MANIFEST_BUDGET = 64 * 1024 * 1024;
/** One network's model.json: topology and metadata, vocabularies included. */
export const MODEL_JSON_BUDGET = 64 * 1024 * 1024;
/** One network's weights: a user embedding of a million users × 32 floats is 128 MB. */
export const WEIGHTS_BUDGET = 512 * 1024 * 1024;
/** Everything inflated from one bundle together. */
export const BUNDLE_BUDGET = 1024 * 1024 * 1024;

/** Inflates named entries of one archive against their budgets and a budget for the whole bundle. */
class BundleFiles {
  private spent = 0;
  constructor(
    private readonly bytes: Uint8Array,
    private readonly entries: Map<string, ZipEntry>,
  ) {}

  /** The entry's bytes; undefined when absent; the reason (with the entry's name) when refused. */
  read(name: string, budget: number): Uint8Array | undefined | string {
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    const left = BUNDLE_BUDGET - this.spent;
    const data = inflateEntry(this.bytes, entry, Math.min(budget, left));
    if (typeof data === 'string') return data;
    this.spent += data.length;
    return data;
  }
}

export type ReadBundleResult =
  | { kind: 'ok'; manifest: BundleManifest; artifacts: Map<string, tf.io.ModelArtifacts>; sizeBytes: number }
  | { kind: 'refused'; message: string };

export function readBundle(bytes: Uint8Array, fileName: string): ReadBundleResult {
  const refuse = (why: string): ReadBundleResult => ({
    kind: 'refused',
    message: `${fileName} was not loaded: ${why}.`,
  });
  const entries = listZipEntries(bytes);
  if (typeof entries === 'string') return refuse(entries);
  const files = new BundleFiles(bytes, entries);
  const manifestBytes = files.read(MANIFEST_PATH, MANIFEST_BUDGET);
  if (typeof manifestBytes === 'string') return refuse(manifestBytes);
  if (!manifestBytes) return refuse('it has no manifest.json, so it is not a Retrain Lab model bundle');
  let raw: unknown;
  try {
    raw = JSON.parse(strFromU8(manifestBytes));
  } catch {
    return refuse('its manifest.json is not valid JSON');
  }
  const incompatible = manifestIncompatibility(raw, FEATURE_SPEC_VERSION);
  if (incompatible) return refuse(incompatible);
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return refuse(
      `its manifest is malformed at "${issue?.path.join('.') ?? ''}": ${issue?.message ?? 'invalid'}`,
    );
  }
  const manifest = parsed.data;
  if (manifest.features.names.join() !== FEATURE_NAMES.join())
    return refuse('its feature names or order differ from the features this lab computes');
  const stored = storedRowsFault(manifest.selfCheck);
  if (stored) return refuse(stored);

  const artifacts = new Map<string, tf.io.ModelArtifacts>();
  const routes = [manifest.routing.fallback, ...Object.values(manifest.routing.users)];
  for (const path of routes.flatMap((r) => [r.correctness, r.time])) {
    const result = networkArtifacts(files, path);
    if (typeof result === 'string') return refuse(result);
    artifacts.set(path, result);
  }
  return { kind: 'ok', manifest, artifacts, sizeBytes: bytes.byteLength };
}

/**
 * The self-check proves a reloaded bundle predicts as trained: with no stored row it proves nothing,
 * and stored predictions must pair with stored rows.
 */
function storedRowsFault(check: BundleManifest['selfCheck']): string | undefined {
  const rows = check.taskIndices.length;
  if (rows === 0)
    return 'it stores no held-out rows, so it cannot show that it predicts as the trained model did';
  if (check.pCorrect.length !== rows || check.timeSeconds.length !== rows)
    return `its stored predictions (${check.pCorrect.length} P(correct), ${check.timeSeconds.length} times) do not pair with its ${rows} stored rows`;
  return undefined;
}

function networkArtifacts(files: BundleFiles, path: string): tf.io.ModelArtifacts | string {
  const jsonBytes = files.read(path, MODEL_JSON_BUDGET);
  if (typeof jsonBytes === 'string') return jsonBytes;
  if (!jsonBytes) return `the network ${path} named in its manifest is missing`;
  let modelJson: tf.io.ModelJSON;
  try {
    modelJson = JSON.parse(strFromU8(jsonBytes)) as tf.io.ModelJSON;
  } catch {
    return `${path} is not valid JSON`;
  }
  const group = modelJson.weightsManifest?.[0];
  if (
    !modelJson.modelTopology ||
    !group ||
    modelJson.weightsManifest.length !== 1 ||
    group.paths.length !== 1
  )
    return `${path} is not a single-file tfjs layers model`;
  const dir = path.slice(0, path.lastIndexOf('/') + 1);
  const expected = group.weights.reduce((sum, w) => sum + bytesOf(w), 0);
  if (!Number.isSafeInteger(expected) || expected > WEIGHTS_BUDGET)
    return `the weights ${path} declares (${expected.toLocaleString('en-US')} bytes) are more than a network of this lab holds`;
  // The declared shapes are the budget: a weights file that inflates past them is refused mid-way.
  const weights = files.read(dir + group.paths[0], expected);
  if (typeof weights === 'string') return `the weights of ${path} are refused: ${weights}`;
  if (!weights) return `the weights of ${path} are missing`;
  if (weights.byteLength !== expected)
    return `the weights of ${path} are ${weights.byteLength} bytes where ${expected} are expected (truncated or corrupt)`;
  const data = weights.buffer.slice(
    weights.byteOffset,
    weights.byteOffset + weights.byteLength,
  ) as ArrayBuffer;
  return tf.io.getModelArtifactsForJSONSync(modelJson, group.weights, data);
}

const BYTES_PER: Record<string, number> = { float32: 4, int32: 4, bool: 1 };

function bytesOf(spec: tf.io.WeightsManifestEntry): number {
  // A shape that is not a list of whole non-negative numbers budgets nothing; the size check refuses it.
  if (!Array.isArray(spec.shape) || !spec.shape.every((d) => Number.isSafeInteger(d) && d >= 0))
    return Number.POSITIVE_INFINITY;
  const n = spec.shape.reduce((a, b) => a * b, 1);
  return n * (BYTES_PER[spec.dtype] ?? 4);
}
