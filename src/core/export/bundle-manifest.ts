/**
 * The manifest of a model bundle (manifest.json in the zip): what the bundle holds, where each network
 * is, how predictions are routed, and what is needed to use it again — format 2 repeats each network's
 * vocabularies and time scaling, so nothing is lost when a model.json is converted (docs/features.md).
 * Its zod schema is the gate every loaded file passes; another format or feature spec is refused with the reason.
 */
import { z } from 'zod';
import { recipeShape } from '../strategies/recipe-schema';

export const BUNDLE_FORMAT = 'retrain-lab-model';
/** The format written. 2 (2026-12) adds `networks`; format 1 bundles (no `networks`) still load. */
export const BUNDLE_FORMAT_VERSION = 2;
export const READABLE_FORMAT_VERSIONS: readonly number[] = [1, 2];
export const MANIFEST_PATH = 'manifest.json';

/** e.g. "retrain-lab-weighted-loss-2026-11-28.zip" (the strategy and the date it was exported). */
export function bundleFileName(strategyId: string, createdAt: Date): string {
  return `retrain-lab-${strategyId}-${createdAt.toISOString().slice(0, 10)}.zip`;
}

/** The two networks (tfjs layers model.json paths inside the zip) serving one route. */
const routeSchema = z.object({ correctness: z.string(), time: z.string() });
export type BundleRoute = z.infer<typeof routeSchema>;

const featuresSchema = z.object({
  specVersion: z.number().int(),
  version: z.enum(['v1', 'v2']),
  names: z.array(z.string()),
  definitions: z.record(z.string(), z.string()),
  countCap: z.number().nullable(),
  constants: z.record(z.string(), z.number()),
  reference: z.string(),
});

const encodersSchema = z.object({
  users: z.array(z.string()),
  topics: z.array(z.string()),
  difficulties: z.array(z.string()),
});
const timeScaleSchema = z.object({
  mean: z.number(),
  std: z.number(),
  minSeconds: z.number(),
  maxSeconds: z.number(),
});

/**
 * What one network needs to be used, repeated from its model.json's userDefinedMetadata (which Keras
 * conversion drops): its inputs in model order, vocabularies and, for a time network, the time scaling.
 */
const networkSchema = z.object({
  head: z.enum(['correctness', 'time']),
  /** v1 | v2 | base (no user input). */
  architecture: z.string(),
  featureVersion: z.enum(['v1', 'v2']),
  /** Input names in the model's input order, e.g. ["user_input", "topic_input", "difficulty_input", "history_input"]. */
  inputs: z.array(z.string()),
  /** Index of token `tokens[i]` is i + 1; 0 = unknown. `users` is empty for networks without user_input. */
  encoders: encodersSchema,
  /** Time networks only: seconds = clip(expm1(y · std + mean), minSeconds, maxSeconds). */
  timeScale: timeScaleSchema.optional(),
});
export type BundleNetwork = z.infer<typeof networkSchema>;

const manifestObject = z.object({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.number().int(),
  createdAt: z.string(),
  tfjsVersion: z.string(),
  strategy: z.object({
    /** One of the six strategies, or an own recipe (which then carries `recipe`). */
    id: z.string().min(1),
    label: z.string(),
    options: z.record(z.string(), z.unknown()),
    recipe: recipeShape.optional(),
  }),
  seed: z.number().int(),
  backend: z.string(),
  /** User ids in vocabularies and routes were replaced by labels ("User A", …). */
  idsMasked: z.boolean(),
  dataset: z.object({ fingerprint: z.string(), rows: z.number().int(), users: z.number().int() }),
  features: featuresSchema,
  routing: z.object({
    /** Serves every user without a route of their own (all users, for strategies 1–5). */
    fallback: routeSchema,
    /** Strategy 6: user id (or label) → that user's fine-tuned networks. */
    users: z.record(z.string(), routeSchema),
  }),
  /** The strategy's report entry (CONTRACT §2) on the data it was trained on; null if unknown. */
  metrics: z.record(z.string(), z.unknown()).nullable(),
  /** Predictions on held-out rows of the training data, to prove a reloaded bundle predicts the same. */
  selfCheck: z.object({
    datasetFingerprint: z.string(),
    /**
     * Positions (0-based) in the dataset's canonical task order — valid rows, completed ones only, stably
     * sorted by completed_at — of the held-out rows predicted, whose features use each user's full history.
     */
    taskIndices: z.array(z.number().int().nonnegative()),
    pCorrect: z.array(z.number()),
    timeSeconds: z.array(z.number()),
  }),
  /** Format 2: every routed model.json path → what that network needs (absent in format 1). */
  networks: z.record(z.string(), networkSchema).optional(),
});

const routedPaths = (m: z.infer<typeof manifestObject>): string[] =>
  [m.routing.fallback, ...Object.values(m.routing.users)].flatMap((r) => [r.correctness, r.time]);

export const manifestSchema = manifestObject.superRefine((m, ctx) => {
  if (m.formatVersion < 2) return;
  if (!m.networks) {
    ctx.addIssue({ code: 'custom', path: ['networks'], message: 'format 2 needs "networks"' });
    return;
  }
  for (const path of routedPaths(m)) {
    const network = m.networks[path];
    if (!network) ctx.addIssue({ code: 'custom', path: ['networks'], message: `no entry for ${path}` });
    else if (network.head === 'time' && !network.timeScale)
      ctx.addIssue({ code: 'custom', path: ['networks', path], message: 'a time network needs timeScale' });
  }
});
export type BundleManifest = z.infer<typeof manifestSchema>;

/** Why a parsed manifest cannot be used by this lab, or undefined when it can. */
export function manifestIncompatibility(raw: unknown, featureSpecVersion: number): string | undefined {
  const head = z
    .object({
      format: z.string(),
      formatVersion: z.number(),
      features: z.object({ specVersion: z.number() }),
    })
    .partial()
    .safeParse(raw);
  const h = head.success ? head.data : {};
  if (h.format !== BUNDLE_FORMAT)
    return 'it is not a Retrain Lab model bundle (no "retrain-lab-model" manifest)';
  if (h.formatVersion === undefined || !READABLE_FORMAT_VERSIONS.includes(h.formatVersion))
    return `it uses bundle format ${String(h.formatVersion)}; this lab reads formats ${READABLE_FORMAT_VERSIONS.join(' and ')}`;
  if (h.features?.specVersion !== featureSpecVersion)
    return `its features follow spec version ${String(h.features?.specVersion)}; this lab computes version ${featureSpecVersion}, so the same columns would mean different things`;
  return undefined;
}
