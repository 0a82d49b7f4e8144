/**
 * A trained strategy's models: a shared two-head model plus, with per-user fine-tunes (Strategy 6), one
 * fine-tuned copy per qualifying user. `predict` routes each context to its user's model, or to the shared
 * one for other and unseen users, batching each route in one pass. No DOM; predicts with the engine that
 * trains (training/predict-model.ts).
 */
import type { TaskContext } from '../features/task-context';
import { encodeContexts } from '../features/encoded-rows';
import { disposeTwoHeadModel, modelMetadata, type TwoHeadModel } from '../model/two-head-model';
import { predictModel } from '../training/predict-model';
import type { ExportableModel, Prediction, StrategyId, TrainedStrategy } from './types';

export interface PerUserModels {
  base: TwoHeadModel;
  /** userId → that user's fine-tuned copy of the base. */
  users: Map<string, TwoHeadModel>;
}

/** Predict through the route of each context: its user's model when there is one, else the base. */
export async function predictPerUser(
  models: PerUserModels,
  contexts: readonly TaskContext[],
): Promise<Prediction> {
  const groups = new Map<TwoHeadModel, number[]>();
  contexts.forEach((c, i) => {
    const model = models.users.get(c.userId) ?? models.base;
    let list = groups.get(model);
    if (!list) groups.set(model, (list = []));
    list.push(i);
  });
  const pCorrect = new Float32Array(contexts.length);
  const timeSeconds = new Float32Array(contexts.length);
  for (const [model, positions] of groups) {
    const rows = encodeContexts(
      positions.map((i) => contexts[i] as TaskContext),
      model.version,
      model.encoders,
    );
    const out = await predictModel(model, rows);
    positions.forEach((pos, j) => {
      pCorrect[pos] = out.pCorrect[j] as number;
      timeSeconds[pos] = out.timeSeconds[j] as number;
    });
  }
  return { pCorrect, timeSeconds };
}

export function disposePerUser(models: PerUserModels): void {
  disposeTwoHeadModel(models.base);
  for (const m of models.users.values()) disposeTwoHeadModel(m);
}

/**
 * Wrap the models as a TrainedStrategy; exports name the shared heads "correctness"/"time" and user heads
 * "head@userId". `routed`: the strategy has per-user models (its shared heads are exported as the "base" route).
 */
export function wrapPerUser(
  strategy: { id: StrategyId; label: string },
  models: PerUserModels,
  info: Pick<TrainedStrategy, 'options' | 'recipe' | 'trainMs' | 'trainingInfluence' | 'phases'>,
  { routed = true }: { routed?: boolean } = {},
): TrainedStrategy {
  let disposed = false;
  const heads = ['correctness', 'time'] as const;
  return {
    id: strategy.id,
    label: strategy.label,
    ...info,
    predict: async (contexts) => {
      if (disposed) throw new Error(`${strategy.id} was disposed`);
      return predictPerUser(models, contexts);
    },
    models: (): ExportableModel[] => [
      ...heads.map((head) => ({
        name: head,
        head,
        model: models.base[head].model,
        metadata: {
          strategyId: strategy.id,
          ...(routed ? { route: 'base' } : {}),
          ...modelMetadata(models.base, head),
        },
      })),
      ...[...models.users.entries()].flatMap(([userId, m]) =>
        heads.map((head) => ({
          name: `${head}@${userId}`,
          head,
          userId,
          model: m[head].model,
          metadata: { strategyId: strategy.id, route: 'user', userId, ...modelMetadata(m, head) },
        })),
      ),
    ],
    dispose: () => {
      if (!disposed) disposePerUser(models);
      disposed = true;
    },
  };
}
