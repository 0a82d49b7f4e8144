/**
 * Open a model bundle file: unzip, validate the manifest (format, feature spec version, schema) and
 * turn every network the routing names into tfjs ModelArtifacts. Any fault — not a zip, no manifest,
 * another version, a missing or truncated weights file — refuses the file with the reason. tfjs + fflate.
 */
import * as tf from '@tensorflow/tfjs';
import { strFromU8, unzipSync, type Unzipped } from 'fflate';
import { FEATURE_SPEC_VERSION } from '../features/feature-spec';
import { FEATURE_NAMES } from '../features/history-features';
import {
  MANIFEST_PATH,
  manifestIncompatibility,
  manifestSchema,
  type BundleManifest,
} from './bundle-manifest';

export type ReadBundleResult =
  | { kind: 'ok'; manifest: BundleManifest; artifacts: Map<string, tf.io.ModelArtifacts>; sizeBytes: number }
  | { kind: 'refused'; message: string };

export function readBundle(bytes: Uint8Array, fileName: string): ReadBundleResult {
  const refuse = (why: string): ReadBundleResult => ({
    kind: 'refused',
    message: `${fileName} was not loaded: ${why}.`,
  });
  let files: Unzipped;
  try {
    files = unzipSync(bytes);
  } catch (error) {
    return refuse(`it is not a readable zip archive (${(error as Error).message})`);
  }
  const manifestBytes = files[MANIFEST_PATH];
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

  const artifacts = new Map<string, tf.io.ModelArtifacts>();
  const routes = [manifest.routing.fallback, ...Object.values(manifest.routing.users)];
  for (const path of routes.flatMap((r) => [r.correctness, r.time])) {
    const result = networkArtifacts(files, path);
    if (typeof result === 'string') return refuse(result);
    artifacts.set(path, result);
  }
  return { kind: 'ok', manifest, artifacts, sizeBytes: bytes.byteLength };
}

function networkArtifacts(files: Unzipped, path: string): tf.io.ModelArtifacts | string {
  const jsonBytes = files[path];
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
  const weights = files[dir + group.paths[0]];
  if (!weights) return `the weights of ${path} are missing`;
  const expected = group.weights.reduce((sum, w) => sum + bytesOf(w), 0);
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
  const n = spec.shape.reduce((a, b) => a * b, 1);
  return n * (BYTES_PER[spec.dtype] ?? 4);
}
