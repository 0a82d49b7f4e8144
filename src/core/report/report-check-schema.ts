/**
 * Zod schemas of the three checks as the report carries them: verdicts and check states, the response
 * probes and broken rules, and the per-user spread behind "generalizes" (report-probes.ts).
 */
import { z } from 'zod';
import { count, difficulty, metric, probability } from './report-score-schema';

const curve = z.array(probability).min(2);
export const verdicts = z.object({
  continuous: z.boolean(),
  responsive: z.boolean(),
  generalizes: z.boolean(),
});
const checkState = z.enum(['pass', 'fail', 'not enough data']);
export const checks = z.object({ continuous: checkState, responsive: checkState, generalizes: checkState });
export const probe = z.object({
  userId: z.string(),
  topic: z.string(),
  difficulty,
  afterCorrect: curve,
  afterIncorrect: curve,
  cellTasks: count,
  simulatedTimeSeconds: z.number().nonnegative(),
  gapMs: z.number().nonnegative(),
});
export const violation = z.object({
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
export const spreadPerUser = z.array(
  z.object({ userId: z.string(), n: count, mean: probability, std: z.number().nonnegative() }),
);
