/**
 * Zod schemas of the report's basic values (metric, count, share, probability) and of the held-out
 * scores every scored row carries (report-scores.ts): the pieces report-schema.ts builds the report from.
 */
import { z } from 'zod';
import { DIFFICULTIES } from '../data/task';

export const metric = z.number().nullable();
export const count = z.number().int().nonnegative();
export const share = z.number().min(0).max(1);
export const probability = z.number().min(0).max(1);
export const difficulty = z.enum(DIFFICULTIES);
export const strategyId = z.string().min(1);

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

export const scores = {
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
