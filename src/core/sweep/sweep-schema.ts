/**
 * A zod schema of the sweep document (docs/sweeps.md), to validate any `sweep.json` (the CLI's --out, the
 * lab's download). Typed as ZodType<SweepDocument>, so schema and sweep-document.ts cannot drift apart
 * without a compile error. Unknown extra fields are allowed, as in the report.
 */
import { z } from 'zod';
import { recipeShape } from '../strategies/recipe-schema';
import {
  SWEEP_KIND,
  SWEEP_METRICS,
  SWEEP_SCHEMA_VERSION,
  type SweepDocument,
  type SweepMetric,
} from './sweep-document';

const metric = z.number().nullable();
const count = z.number().int().nonnegative();
const rate = z.number().min(0).max(1).nullable();
const value = z.union([z.number(), z.string(), z.boolean()]);
const spread = z.object({ mean: metric, sd: metric, lo: metric, hi: metric });
const difference = z.object({
  difference: metric,
  lo: metric,
  hi: metric,
  se: metric,
  verdict: z.enum(['better', 'worse', 'no detectable difference']),
});
const pointCommon = {
  id: z.string().regex(/^point-\d+$/),
  label: z.string(),
  values: z.record(z.string(), value),
  recipe: recipeShape,
};
const metrics = z.object(
  Object.fromEntries(SWEEP_METRICS.map((m) => [m, spread])) as Record<SweepMetric, typeof spread>,
);

const point = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    ...pointCommon,
    seeds: z.array(z.number().int()).min(1),
    trainMs: z.number().nonnegative(),
    metrics,
    passRate: z.object({ continuous: rate, responsive: rate, generalizes: rate, all: rate }),
    vsReference: difference.nullable(),
  }),
  z.object({ status: z.literal('failed'), ...pointCommon, error: z.string() }),
]);

export const sweepSchema: z.ZodType<SweepDocument> = z.object({
  kind: z.literal(SWEEP_KIND),
  schemaVersion: z.literal(SWEEP_SCHEMA_VERSION),
  generatedAt: z.string(),
  dataset: z.object({ fileName: z.string(), rows: count, users: count, fingerprint: z.string() }),
  heldOut: z.object({ rows: count, users: count }),
  base: z.object({ id: z.string(), label: z.string(), recipe: recipeShape }),
  axes: z
    .array(z.object({ name: z.string(), label: z.string(), values: z.array(value).min(1) }))
    .min(1)
    .max(2),
  reference: z.string(),
  seeds: z.array(z.number().int()).min(1),
  backend: z.string(),
  // The report's schema checks each threshold's range; here they are carried as given.
  thresholds: z.record(z.string(), z.number()) as unknown as z.ZodType<SweepDocument['thresholds']>,
  validation: z.object({ mode: z.enum(['per-user-tail', 'global-tail']), share: z.number().min(0).max(1) }),
  resamples: count,
  points: z.array(point),
  best: z
    .object({
      metric: z.literal('userLogLoss'),
      point: z.string(),
      notToldApart: z.array(z.string()),
      headline: z.string(),
    })
    .nullable(),
  constantRate: z.object({ userLogLoss: metric }),
});
