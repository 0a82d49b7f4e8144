/**
 * Pack a trained strategy into one zip: manifest.json, a README on using it elsewhere, and for every
 * network a standard tfjs layers `model.json` + `weights.bin` (loadable by tf.loadLayersModel and by
 * tensorflowjs_converter once unzipped). Masking replaces user ids in vocabularies and routes. tfjs + fflate.
 */
import * as tf from '@tensorflow/tfjs';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { featureSpec } from '../features/feature-spec';
import type { FeatureVersion } from '../features/history-features';
import { modelToArtifacts } from '../model/export-artifacts';
import { maskText } from '../report/mask-ids';
import type { ReportStrategy } from '../report/report-types';
import type { ExportableModel, TrainedStrategy } from '../strategies/types';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  bundleFileName,
  MANIFEST_PATH,
  type BundleManifest,
  type BundleNetwork,
  type BundleRoute,
} from './bundle-manifest';
import { maskManifest, maskModelMetadata } from './mask-bundle';
import type { SelfCheck } from './self-check';
import { bundleUsageText } from './usage-text';

export { bundleFileName } from './bundle-manifest';

export interface PackInput {
  trained: TrainedStrategy;
  seed: number;
  backend: string;
  dataset: BundleManifest['dataset'];
  /** The strategy's report entry on this dataset, with real ids (masked here when `labels` are given). */
  metrics: ReportStrategy | null;
  selfCheck: SelfCheck;
  /** When given, every user id in every file is replaced by its label (unknown ids by a stable fallback). */
  labels?: ReadonlyMap<string, string>;
  createdAt?: Date;
}

export interface PackedBundle {
  bytes: Uint8Array<ArrayBuffer>;
  manifest: BundleManifest;
  fileName: string;
}

export async function packBundle(input: PackInput): Promise<PackedBundle> {
  const { trained, labels } = input;
  const createdAt = input.createdAt ?? new Date();

  const files: Zippable = {};
  const fallback: Partial<BundleRoute> = {};
  const users: Record<string, Partial<BundleRoute>> = {};
  const userDirs = new Map<string, string>();
  const networks: Record<string, BundleNetwork> = {};
  let featureVersion: FeatureVersion | undefined;
  for (const m of trained.models()) {
    const dir = m.userId === undefined ? 'models/shared' : dirOf(userDirs, m.userId);
    const metadata = labels ? maskModelMetadata(m.metadata, labels) : { ...m.metadata };
    featureVersion ??= metadata.featureVersion as FeatureVersion;
    const artifacts = await modelToArtifacts(m.model, metadata);
    const path = `${dir}/${m.head}/model.json`;
    files[path] = [strToU8(JSON.stringify(modelJsonOf(artifacts))), { level: 6 }];
    // Float weights barely compress; storing them saves time for nothing lost.
    files[`${dir}/${m.head}/weights.bin`] = [weightBytes(artifacts.weightData), { level: 0 }];
    const route = m.userId === undefined ? fallback : (users[m.userId] ??= {});
    route[m.head] = path;
    // The manifest is masked whole below: its copy starts from the real ids, so none is masked twice.
    networks[path] = networkEntry(m, { ...m.metadata });
  }
  if (!featureVersion || !fallback.correctness || !fallback.time)
    throw new Error(`${trained.label} has no shared correctness and time networks to export`);

  const built: BundleManifest = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    createdAt: createdAt.toISOString(),
    tfjsVersion: tf.version_core,
    strategy: {
      id: trained.id,
      label: labels ? maskText(trained.label, labels) : trained.label,
      options: { ...trained.options },
      ...(trained.recipe ? { recipe: trained.recipe } : {}),
    },
    seed: input.seed,
    backend: input.backend,
    idsMasked: labels !== undefined,
    dataset: { ...input.dataset },
    features: featureSpec(featureVersion),
    routing: { fallback: fallback as BundleRoute, users: users as Record<string, BundleRoute> },
    metrics: input.metrics ? (JSON.parse(JSON.stringify(input.metrics)) as Record<string, unknown>) : null,
    selfCheck: input.selfCheck,
    networks,
  };
  // Built from the real ids, masked once: routes, metrics and options alike (mask-bundle.ts).
  const manifest = labels ? maskManifest(built, labels) : built;
  files[MANIFEST_PATH] = [strToU8(JSON.stringify(manifest, null, 1)), { level: 6 }];
  files['README.txt'] = [strToU8(bundleUsageText(manifest)), { level: 6 }];
  const bytes = zipSync(files, { mtime: createdAt });
  return { bytes, manifest, fileName: bundleFileName(trained.id, createdAt) };
}

// Directories by position, never by id: ids can hold any character and may be masked.
function dirOf(dirs: Map<string, string>, userId: string): string {
  let dir = dirs.get(userId);
  if (!dir) dirs.set(userId, (dir = `models/user-${String(dirs.size + 1).padStart(4, '0')}`));
  return dir;
}

/** The manifest's copy of what a network needs (its metadata, real ids: the manifest is masked whole), which Keras conversion would drop. */
function networkEntry(m: ExportableModel, metadata: Record<string, unknown>): BundleNetwork {
  const encoders = metadata.encoders as BundleNetwork['encoders'];
  const timeScale = metadata.timeScale as BundleNetwork['timeScale'];
  return {
    head: m.head,
    architecture: String(metadata.architecture),
    featureVersion: metadata.featureVersion as BundleNetwork['featureVersion'],
    inputs: [...m.model.inputNames],
    encoders: {
      users: [...encoders.users],
      topics: [...encoders.topics],
      difficulties: [...encoders.difficulties],
    },
    ...(timeScale ? { timeScale: { ...timeScale } } : {}),
  };
}

/** The standard tfjs layers model.json, its weights in the sibling file "weights.bin". */
function modelJsonOf(artifacts: tf.io.ModelArtifacts): tf.io.ModelJSON {
  return {
    modelTopology: artifacts.modelTopology as tf.io.ModelJSON['modelTopology'],
    format: artifacts.format,
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy ?? null,
    weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs ?? [] }],
    userDefinedMetadata: artifacts.userDefinedMetadata,
  };
}

function weightBytes(data: tf.io.ModelArtifacts['weightData']): Uint8Array {
  if (!data) return new Uint8Array(0);
  return new Uint8Array(Array.isArray(data) ? tf.io.concatenateArrayBuffers(data) : data);
}
