/**
 * A zod schema of the report, to validate any `report.json` (the UI's download, the CLI's --out, an
 * upload) against docs/contract.md §2 and §2b (schema version 2). Typed as ZodType<Report>, so the schema
 * and report-types.ts cannot drift apart without a compile error. Unknown extra fields are allowed (the
 * contract welcomes them).
 */
import { z } from 'zod';
import { checks, probe, spreadPerUser, verdicts, violation } from './report-check-schema';
import { summary, thresholds, validation } from './report-run-schema';
import { count, metric, probability, scores, share } from './report-score-schema';
import { strategyEntry } from './report-strategy-schema';
import { REPORT_SCHEMA_VERSION, type Report } from './report-types';

// Judged like a strategy entry (report-strategy-schema.ts), so its check fields repeat that schema's, in
// the same order: a parsed report keeps the schema's key order, and a restored session must read as before.
const truth = z.object({
  id: z.literal('simulator-truth'),
  label: z.string(),
  simulation: z.object({ name: z.string(), seed: z.number().int() }),
  ...scores,
  perUser: spreadPerUser,
  varianceRatio: metric,
  varianceRatioInfinite: z.boolean(),
  responseProbes: z.array(probe),
  responseViolations: z.array(violation),
  verdicts,
  checks,
  responseGap: metric,
  userLogLoss: metric,
  summary,
});

const comparison = z.object({
  strategy: z.string(),
  against: z.string(),
  metric: z.enum(['userLogLoss', 'logLoss', 'auc']),
  difference: metric,
  lo: metric,
  hi: metric,
  verdict: z.enum(['better', 'worse', 'no detectable difference']),
  se: metric,
  minimumDetectableDifference: metric,
  pairedSeeds: z.boolean(),
  heldOutRows: count,
});

const recommendation = z.object({
  choice: z.string().nullable(),
  closest: z.string().nullable(),
  kind: z.enum(['recommended', 'no clear winner', 'none passes', 'not enough data', 'nothing trained']),
  headline: z.string(),
  reasons: z.array(z.string()),
  minimumDetectableDifference: metric,
  candidates: z.array(z.string()),
  minPassRate: share,
  heldOutRows: count,
  seeds: count,
});

const mixed = z.object({
  notes: z.array(z.string()),
  runs: z.array(
    z.object({
      trainedAt: z.string(),
      seeds: z.array(z.number().int()),
      backend: z.string(),
      strategies: z.array(z.string()),
    }),
  ),
});
const userCounts = z.object({ userId: z.string(), trainRows: count, testRows: count });

/** The report's schema; `reportSchema.safeParse(JSON.parse(text))` validates a downloaded report. */
export const reportSchema: z.ZodType<Report> = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  generatedAt: z.iso.datetime(),
  seed: z.number().int(),
  seeds: z.array(z.number().int()).min(1),
  backend: z.string().min(1),
  thresholds,
  validation,
  dataset: z.object({
    fileName: z.string(),
    rows: count,
    skippedRows: count,
    fingerprint: z.string(),
    users: z.array(z.object({ userId: z.string(), tasks: count, share })),
    hasTrueP: z.boolean(),
    hasPredictedCorrect: z.boolean(),
  }),
  split: z.object({
    kind: z.enum(['temporal-per-user', 'temporal-global']),
    testShare: share,
    trainRows: count,
    testRows: count,
    perUser: z.array(userCounts),
  }),
  baseline: z.object({
    pCorrect: probability,
    timeSeconds: z.number().nonnegative(),
    trainRows: count,
    ...scores,
    userLogLoss: metric,
    summary,
  }),
  recorded: z.object(scores).nullable(),
  truth: truth.nullable(),
  strategies: z.array(strategyEntry),
  mixedRuns: mixed.nullable(),
  comparisons: z.array(comparison),
  recommendation,
});

/** Validate parsed JSON; returns the report or a one-line reason naming the first bad path. */
export function validateReport(value: unknown): { ok: true; report: Report } | { ok: false; reason: string } {
  const result = reportSchema.safeParse(value);
  if (result.success) return { ok: true, report: result.data };
  const issue = result.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : '(root)';
  return { ok: false, reason: `${where}: ${issue?.message ?? 'invalid report'}` };
}
