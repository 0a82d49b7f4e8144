/**
 * The manifest of a model bundle (manifest.json in the zip): what the bundle holds, where each network
 * is, how predictions are routed, and what is needed to use it again. Its zod schema is the gate every
 * loaded file passes; a bundle of another format or feature spec version is refused with the reason.
 */
import { z } from 'zod';
import { recipeShape } from '../strategies/recipe-schema';

export const BUNDLE_FORMAT = 'retrain-lab-model';
export const BUNDLE_FORMAT_VERSION = 1;
export const MANIFEST_PATH = 'manifest.json';

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

export const manifestSchema = z.object({
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
    taskIndices: z.array(z.number().int().nonnegative()),
    pCorrect: z.array(z.number()),
    timeSeconds: z.array(z.number()),
  }),
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
  if (h.formatVersion !== BUNDLE_FORMAT_VERSION)
    return `it uses bundle format ${String(h.formatVersion)}; this lab reads format ${BUNDLE_FORMAT_VERSION}`;
  if (h.features?.specVersion !== featureSpecVersion)
    return `its features follow spec version ${String(h.features?.specVersion)}; this lab computes version ${featureSpecVersion}, so the same columns would mean different things`;
  return undefined;
}
