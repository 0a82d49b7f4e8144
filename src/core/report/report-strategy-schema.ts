/**
 * The zod schema of one strategy entry of the report (report-types.ts ReportStrategy): trained or failed,
 * one of the six by id or an own recipe that carries its recipe.
 */
import { z } from 'zod';
import { PRESET_IDS } from '../strategies/catalogue';
import { checkOwnId, recipeShape } from '../strategies/recipe-schema';
import { checks, probe, spreadPerUser, verdicts, violation } from './report-check-schema';
import { run, runIdentity, summary } from './report-run-schema';
import { count, difficulty, metric, probability, scores, share, strategyId } from './report-score-schema';

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

/** One strategy's entry: trained (`ok`) or failed, its id either one of the six or a declared own recipe. */
export const strategyEntry = z
  .discriminatedUnion('status', [strategyOk, strategyFailed])
  .superRefine(declaredRecipe);
