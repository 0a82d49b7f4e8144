/**
 * The one trainer: any recipe — the six presets and own recipes alike — becomes a plan (recipe-plan.ts),
 * a two-head model of the recipe's architecture trained through the plan's shared phases, then, when the
 * recipe asks, one fine-tuned copy per qualifying user (stacked by size class), wrapped as a
 * TrainedStrategy whose `predict` hides tfjs. Everything is disposed if training fails or is aborted.
 */
import type { Task } from '../data/task';
import { buildEncoders } from '../features/encoders';
import { fitTimeScale, logTimesOf } from '../features/encoded-rows';
import { featureMatrixOf } from '../features/task-context';
import {
  ARCHITECTURES,
  LAYER_ORDER,
  withMonotoneResponse,
  type ArchitectureSpec,
  type LayerName,
} from '../model/architecture';
import { cloneTwoHeadModel, createTwoHeadModel, type TwoHeadModel } from '../model/two-head-model';
import { createRng } from '../random/rng';
import { trainTwoHeadPhase, trainTwoHeadPhases } from '../training/loop/train-phase';
import { recordOptions, validationOf } from './common-options';
import { disposePerUser, wrapPerUser, type PerUserModels } from './per-user-predictor';
import type { Recipe } from './recipe';
import { fineTuneGroups, planInfluence, planRecipe } from './recipe-plan';
import type { PhaseSummary, StrategyContext, TrainedStrategy, TrainingData } from './types';

/** Vocabularies and time scaling from the rows a strategy learns from. */
function modelBasics(tasks: readonly Task[], rows: number[]) {
  const encoders = buildEncoders(rows.map((i) => tasks[i] as Task));
  // Only the log times: encoding every row for them cost a tenth of a per-user run on EdNet.
  const timeScale = fitTimeScale(logTimesOf(tasks, rows));
  return { encoders, timeScale };
}

/** The recipe's network: its architecture with the recipe's user embedding and the monotone flag. */
export function architectureOf(recipe: Recipe): ArchitectureSpec {
  const spec = ARCHITECTURES[recipe.architecture];
  const { userEmbeddingDim, userL2 } = recipe.training;
  const sized: ArchitectureSpec = {
    ...spec,
    ...(spec.userEmbeddingDim > 0 && userEmbeddingDim !== undefined ? { userEmbeddingDim } : {}),
    ...(spec.userEmbeddingDim > 0 && userL2 !== undefined ? { userL2 } : {}),
  };
  const monotone = recipe.monotoneResponse;
  return withMonotoneResponse(sized, monotone !== 'off', monotone === 'on-with-counts');
}

/** The layers `freezeLayers` = n freezes: the first n weight-bearing layers of the base network, input side first. */
export function frozenLayers(n: number): Set<LayerName> {
  const base = LAYER_ORDER.filter((l) => !l.startsWith('user_') && !(l.endsWith('_bn') && l !== 'trunk_bn'));
  return new Set(base.slice(0, Math.max(0, n)));
}

export interface RecipeRun {
  id: string;
  label: string;
  /** What the report lists as the strategy's options (validation settings are added). */
  options: Record<string, unknown>;
  /** Own recipes carry their recipe into the report; the six are known by id and options. */
  own: boolean;
}

/** Train `recipe` on `data`. Throws the signal's reason when aborted (after freeing every tensor). */
export async function trainRecipe(
  run: RecipeRun,
  recipe: Recipe,
  data: TrainingData,
  ctx: StrategyContext,
): Promise<TrainedStrategy> {
  const started = performance.now();
  const away = { ms: 0 };
  const rng = createRng(ctx.seed);
  const validation = validationOf(ctx);
  const { tasks } = data;
  const plan = planRecipe(recipe, data);
  const arch = architectureOf(recipe);
  const features = featureMatrixOf(tasks);
  const { encoders, timeScale } = modelBasics(tasks, plan.rows);
  const tunes = plan.fineTunes;
  const shared = createTwoHeadModel(
    arch,
    plan.version,
    encoders,
    timeScale,
    () => rng.int32(),
    tunes ? `${run.id}.base` : run.id,
  );
  const models: PerUserModels = { base: shared, users: new Map() };
  const phases: PhaseSummary[] = [];
  const common = {
    strategyId: run.id,
    tasks,
    features,
    validation,
    rng,
    signal: ctx.signal,
    away,
    onProgress: ctx.onProgress,
  };
  try {
    for (const p of plan.shared) {
      phases.push(
        ...(await trainTwoHeadPhase(shared, {
          ...common,
          phase: p.phase,
          indices: p.indices,
          weights: p.weights,
          options: p.options,
        })),
      );
    }
    if (tunes) {
      const options = { ...tunes.options, frozen: frozenLayers(tunes.freezeLayers) };
      for (const userId of tunes.users.keys())
        models.users.set(userId, cloneTwoHeadModel(shared, `${run.id}.${models.users.size + 1}`));
      const userPhases = new Map<string, PhaseSummary[]>();
      for (const group of fineTuneGroups(tunes.users)) {
        const members = group.map(([userId, rows]) => ({
          model: models.users.get(userId) as TwoHeadModel,
          indices: rows,
          userId,
        }));
        const summaries = await trainTwoHeadPhases(members, { ...common, phase: 'user', options });
        members.forEach((m, i) => userPhases.set(m.userId, summaries[i] as PhaseSummary[]));
      }
      // Summaries in the order users were first seen, whatever group they trained in.
      for (const userId of tunes.users.keys()) phases.push(...(userPhases.get(userId) ?? []));
    }
  } catch (err) {
    disposePerUser(models);
    throw err;
  }
  return wrapPerUser(
    { id: run.id, label: run.label },
    models,
    {
      options: recordOptions(run.options, validation),
      ...(run.own ? { recipe } : {}),
      trainMs: performance.now() - started - away.ms,
      trainingInfluence: planInfluence(tasks, plan),
      phases,
    },
    { routed: tunes !== undefined },
  );
}
