/**
 * A zod schema of the report, to validate any `report.json` (the UI's download, the CLI's --out, an
 * upload) against docs/contract.md §2 and §2b (schema version 2). Typed as ZodType<Report>, so the schema
 * and report-types.ts cannot drift apart without a compile error. Unknown extra fields are allowed (the
 * contract welcomes them).
 */
import { z } from 'zod';
import { DIFFICULTIES } from '../data/task';
import { PRESET_IDS } from '../strategies/catalogue';
import { checkOwnId, recipeShape } from '../strategies/recipe-schema';
import { REPORT_SCHEMA_VERSION, type Report } from './report-types';

const metric = z.number().nullable();
const count = z.number().int().nonnegative();
const share = z.number().min(0).max(1);
const probability = z.number().min(0).max(1);
const difficulty = z.enum(DIFFICULTIES);
const strategyId = z.string().min(1);

const interval = z.object({
  estimate: metric,
  lower: metric,
  upper: metric,
  confidence: share,
  resamples: count,
  validResamples: count,
});

const metricFields = {
  auc: metric,
  logLoss: metric,
  brier: metric,
  ece: metric,
  accuracy: metric,
  timeMaeSeconds: metric,
  timeMedianAbsErrorSeconds: metric,
};
const metrics = z.object({ n: count, ...metricFields });
const fit = z.object({ n: count, rmse: metric, correlation: metric });

const scores = {
  test: metrics.extend({ intervals: z.object({ auc: interval, logLoss: interval }) }),
  testMacroByUser: z.object({ ...metricFields, users: count, usersUsed: z.record(z.string(), count) }),
  testPerUser: z.array(metrics.extend({ userId: z.string() })),
  distribution: z.object({
    counts: z.array(count).length(20),
    saturatedShare: share.nullable(),
    distinctPercent: count,
    std: metric,
    mean: metric,
  }),
  reliability: z.array(
    z.object({ binLower: share, binUpper: share, n: count, meanPredicted: metric, observedRate: metric }),
  ),
  groundTruth: z.object({ overall: fit, perUser: z.array(fit.extend({ userId: z.string() })) }).nullable(),
};

const curve = z.array(probability).min(2);
const verdicts = z.object({ continuous: z.boolean(), responsive: z.boolean(), generalizes: z.boolean() });
const checkState = z.enum(['pass', 'fail', 'not enough data']);
const checks = z.object({ continuous: checkState, responsive: checkState, generalizes: checkState });
const thresholds = z.object({
  maxSaturatedShare: share,
  minDistinctPercent: z.number().nonnegative(),
  responseTolerance: z.number().nonnegative(),
  responseGapTolerance: z.number().nonnegative(),
  maxVarianceRatio: z.number().nonnegative(),
  minPassRate: share,
});
const validation = z.object({ mode: z.enum(['per-user-tail', 'global-tail']), share });
const runIdentity = {
  seed: z.number().int(),
  seeds: z.array(z.number().int()).min(1),
  backend: z.string().min(1),
  trainedAt: z.iso.datetime(),
  thresholds,
  validation,
};
const spread = z.object({ mean: metric, sd: metric, lo: metric, hi: metric });
const rate = share.nullable();
const summary = z.object({
  seeds: count,
  n: count,
  resamples: count,
  userLogLoss: spread,
  logLoss: spread,
  auc: spread,
  brier: spread,
  timeMaeSeconds: spread,
  responseGap: spread,
  passRate: z.object({ continuous: rate, responsive: rate, generalizes: rate, all: rate }),
});
const run = z.object({
  seed: z.number().int(),
  trainMs: z.number().nonnegative(),
  test: scores.test,
  testMacroByUser: scores.testMacroByUser,
  userLogLoss: metric,
  verdicts,
  checks,
  responseGap: metric,
  varianceRatio: metric,
  saturatedShare: share.nullable(),
  distinctPercent: count,
});
const probe = z.object({
  userId: z.string(),
  topic: z.string(),
  difficulty,
  afterCorrect: curve,
  afterIncorrect: curve,
  cellTasks: count,
  simulatedTimeSeconds: z.number().nonnegative(),
  gapMs: z.number().nonnegative(),
});
const violation = z.object({
  userId: z.string(),
  topic: z.string(),
  difficulty,
  rule: z.enum(['no-drop-after-correct', 'correct-not-below-incorrect']),
  curve: z.enum(['afterCorrect', 'afterIncorrect']),
  step: count,
  from: metric,
  to: metric,
  change: metric,
});
const spreadPerUser = z.array(
  z.object({ userId: z.string(), n: count, mean: probability, std: z.number().nonnegative() }),
);
const optionValue = z.union([z.number(), z.string(), z.boolean(), z.null()]);
const options = z.record(z.string(), optionValue);

const strategyOk = z.object({
  status: z.literal('ok'),
  id: strategyId,
  label: z.string(),
  options,
  recipe: recipeShape.optional(),
  trainMs: z.number().nonnegative(),
  trainingInfluence: z.array(
    z.object({ userId: z.string(), samples: count, weight: z.number(), share, phase: z.string() }),
  ),
  ...scores,
  ...runIdentity,
  perUser: spreadPerUser,
  varianceRatio: metric,
  varianceRatioInfinite: z.boolean(),
  generalisation: z.object({
    topics: z.array(z.string()),
    difficulties: z.array(difficulty),
    grid: z.array(z.object({ userId: z.string(), predictions: z.array(probability) })),
  }),
  responseProbes: z.array(probe),
  responseViolations: z.array(violation),
  verdicts,
  checks,
  responseGap: metric,
  userLogLoss: metric,
  phases: z.array(
    z.object({
      phase: z.string(),
      head: z.enum(['correctness', 'time']),
      userId: z.string().optional(),
      fitRows: count,
      valRows: count,
      epochsRun: count,
      bestEpoch: z.number().int(),
      finalLoss: metric,
      bestValLoss: metric,
      losses: z.array(z.number()),
      valLosses: z.array(metric),
    }),
  ),
  timeScatter: z
    .object({
      edgesSeconds: z.array(z.number().nonnegative()),
      counts: z.array(z.array(count)),
      n: count,
    })
    .optional(),
  runs: z.array(run).min(1),
  summary,
});

const strategyFailed = z.object({
  status: z.literal('failed'),
  id: strategyId,
  label: z.string(),
  options,
  recipe: recipeShape.optional(),
  trainMs: z.number().nonnegative(),
  ...runIdentity,
  error: z.string(),
});

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
const presetIds: ReadonlySet<string> = new Set(PRESET_IDS);

/** The six are known by id; any other id is an own recipe, declared by the recipe its entry carries. */
function declaredRecipe(entry: { id: string; recipe?: unknown }, ctx: z.RefinementCtx): void {
  if (presetIds.has(entry.id)) {
    if (entry.recipe !== undefined)
      ctx.addIssue({ code: 'custom', path: ['recipe'], message: `${entry.id} is one of the six: no recipe` });
    return;
  }
  const id = checkOwnId(entry.id);
  if (!id.ok) ctx.addIssue({ code: 'custom', path: ['id'], message: id.reason });
  else if (entry.recipe === undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['recipe'],
      message: `${entry.id} is not one of the six strategies, so its entry must carry its recipe`,
    });
}

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
  strategies: z.array(
    z.discriminatedUnion('status', [strategyOk, strategyFailed]).superRefine(declaredRecipe),
  ),
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
