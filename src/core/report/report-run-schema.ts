/**
 * Zod schemas of what says where an entry came from and how its seeds went: thresholds, validation and
 * run identity, each seed's run and the summary over seeds (spreads and pass rates).
 */
import { z } from 'zod';
import { checks, verdicts } from './report-check-schema';
import { count, metric, scores, share } from './report-score-schema';

export const thresholds = z.object({
  maxSaturatedShare: share,
  minDistinctPercent: z.number().nonnegative(),
  responseTolerance: z.number().nonnegative(),
  responseGapTolerance: z.number().nonnegative(),
  maxVarianceRatio: z.number().nonnegative(),
  minPassRate: share,
});
export const validation = z.object({ mode: z.enum(['per-user-tail', 'global-tail']), share });
export const runIdentity = {
  seed: z.number().int(),
  seeds: z.array(z.number().int()).min(1),
  backend: z.string().min(1),
  trainedAt: z.iso.datetime(),
  thresholds,
  validation,
};
const spread = z.object({ mean: metric, sd: metric, lo: metric, hi: metric });
const rate = share.nullable();
export const summary = z.object({
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
export const run = z.object({
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
