/**
 * The worker's side of "take it away": pack a trained strategy into a bundle (download bytes or an
 * IndexedDB entry), list and delete saved bundles, and load one back — from the browser or a file —
 * checking it reproduces its stored predictions and scoring it on the loaded dataset.
 */
import type { BackendName } from '../core/backend/activate-backend';
import type { DatasetSummary } from '../core/data/summarize-dataset';
import type { Dataset } from '../core/data/task';
import { evaluateStrategy } from '../core/evaluation/evaluate-strategy';
import { loadBundle, type LoadedBundle } from '../core/export/load-bundle';
import { packBundle } from '../core/export/pack-bundle';
import { readBundle } from '../core/export/read-bundle';
import { takeSelfCheck, verifySelfCheck, type SelfCheckResult } from '../core/export/self-check';
import { seedEntry } from '../core/report/build-report';
import { userLabels } from '../core/report/mask-ids';
import type { ReportStrategy } from '../core/report/report-types';
import type { SeedEntry } from '../core/report/seed-result';
import { evaluationSetup, heldOutOf } from '../core/comparison/evaluation-setup';
import type { StrategyId, TrainedStrategy } from '../core/strategies/types';
import { readSavedModel, saveModel } from '../platform/saved-models';
import type { ExportReply, ExportRequest, LoadModelReply, LoadModelRequest } from './protocol';

/** What the worker holds that exports and loads need. */
export interface ModelHoldings {
  dataset?: Dataset;
  summary?: DatasetSummary;
  trained: Map<StrategyId, TrainedStrategy>;
  /**
   * Each kept model's report entry — over all its seeds in the lab worker, its own seed's in a helper —
   * and the run it came from (first seed, backend).
   */
  results: Map<StrategyId, { entry: ReportStrategy | SeedEntry; seed: number; backend: string }>;
  /** The bundle loaded last (one at a time; the previous is disposed). */
  loaded?: LoadedBundle;
}

type Activate = (backend: BackendName) => Promise<{ ok: boolean }>;

/** Dispose a held strategy's model and drop its result (every strategy when no id is given). */
export function forgetModels(held: ModelHoldings, id?: StrategyId): void {
  for (const sid of id ? [id] : [...held.trained.keys(), ...held.results.keys()]) {
    held.trained.get(sid)?.dispose();
    held.trained.delete(sid);
    held.results.delete(sid);
  }
}

/** What to transfer with an export reply: the bundle's bytes, never copied. */
export const exportTransfer = (reply: ExportReply): Transferable[] =>
  reply.kind === 'model-exported' && reply.bytes ? [reply.bytes.buffer] : [];

const labelsOf = (summary: DatasetSummary) => userLabels(summary.users.map((u) => u.userId));

export async function exportModel(held: ModelHoldings, request: ExportRequest): Promise<ExportReply> {
  const { dataset, summary } = held;
  const id = request.strategyId;
  const trained = held.trained.get(id);
  const result = held.results.get(id);
  if (!dataset || !summary || !trained || !result)
    return {
      kind: 'failed',
      message: `There is no trained model of ${id} to export: train it first (a restarted lab worker starts without models).`,
    };
  const labels = request.maskIds ? labelsOf(summary) : undefined;
  const { split } = heldOutOf(dataset.tasks);
  const packed = await packBundle({
    trained,
    seed: result.seed,
    backend: result.backend,
    dataset: { fingerprint: summary.fingerprint, rows: summary.rows, users: summary.users.length },
    // Real ids: packBundle masks the manifest (this entry included) once, from them.
    metrics: result.entry,
    selfCheck: await takeSelfCheck(trained, dataset.tasks, split.testIndices, summary.fingerprint),
    labels,
  });
  const common = {
    kind: 'model-exported',
    fileName: packed.fileName,
    sizeBytes: packed.bytes.byteLength,
  } as const;
  if (request.target === 'download') return { ...common, bytes: packed.bytes };
  const saved = {
    key: `${packed.manifest.createdAt}-${crypto.randomUUID()}`,
    fileName: packed.fileName,
    strategyId: trained.id,
    strategyLabel: trained.label,
    createdAt: packed.manifest.createdAt,
    savedAt: new Date().toISOString(),
    sizeBytes: packed.bytes.byteLength,
    idsMasked: packed.manifest.idsMasked,
    datasetFingerprint: summary.fingerprint,
    seed: result.seed,
  };
  await saveModel(saved, packed.bytes);
  return { ...common, saved };
}

export async function loadModel(
  held: ModelHoldings,
  request: LoadModelRequest,
  activate: Activate,
): Promise<LoadModelReply> {
  let fileName: string;
  let bytes: Uint8Array;
  if (request.source.kind === 'saved') {
    const saved = await readSavedModel(request.source.key);
    if (!saved) return { kind: 'model-refused', message: 'That saved model is no longer in this browser.' };
    ({ fileName } = saved.info);
    ({ bytes } = saved);
  } else {
    fileName = request.source.fileName;
    bytes = new Uint8Array(await request.source.file.arrayBuffer());
  }
  const read = readBundle(bytes, fileName);
  if (read.kind === 'refused') return { kind: 'model-refused', message: read.message };

  const { manifest } = read;
  const wanted: BackendName =
    request.backend !== 'auto'
      ? request.backend
      : ((['webgl', 'wasm', 'cpu'] as const).find((b) => b === manifest.backend) ?? 'wasm');
  const backend: BackendName = (await activate(wanted)).ok ? wanted : 'cpu';
  if (backend !== wanted) await activate('cpu');

  const { dataset, summary } = held;
  // A masked bundle knows users by label: the dataset's ids are labelled the way the export labelled them.
  const labels = manifest.idsMasked && summary ? labelsOf(summary) : undefined;
  const userKey = (userId: string) => labels?.get(userId) ?? userId;
  let loaded: LoadedBundle;
  try {
    loaded = await loadBundle(read, userKey);
  } catch (error) {
    return { kind: 'model-refused', message: `${fileName} was not loaded: ${(error as Error).message}.` };
  }
  held.loaded?.strategy.dispose();
  held.loaded = loaded;

  let selfCheck: SelfCheckResult = { kind: 'not-applicable', reason: 'no dataset is loaded' };
  let scored: SeedEntry | undefined;
  if (dataset && summary) {
    selfCheck = await verifySelfCheck(
      loaded.strategy,
      dataset.tasks,
      summary.fingerprint,
      manifest.selfCheck,
      userKey,
    );
    const { evalData } = evaluationSetup(dataset.tasks, {
      seed: manifest.seed,
      thresholds: request.thresholds,
    });
    scored = seedEntry(await evaluateStrategy(loaded.strategy, evalData), heldOutOf(dataset.tasks).rows);
  }
  const { selfCheck: _stored, ...rest } = manifest;
  return {
    kind: 'model-loaded',
    view: { source: fileName, sizeBytes: read.sizeBytes, manifest: rest, backend, selfCheck, scored },
  };
}
