/**
 * Strategy 6 — per-user models: a base network without any user embedding (topic, difficulty and
 * history only), trained on all users (inverse-frequency weighted by default), then cloned for each
 * user with at least `minTasks` training tasks; the first `freezeLayers` layers of the clone are
 * frozen (weights and BatchNorm statistics untouched) and the rest fine-tuned on that user alone.
 * Fine-tunes run one user after another (batching them is possible: stack the unfrozen weights per
 * user and gather them per row — left for the performance work).
 */
import type { Task } from '../data/task';
import { featureMatrixOf } from '../features/task-context';
import { ARCHITECTURES, LAYER_ORDER, type LayerName } from '../model/architecture';
import { cloneTwoHeadModel, createTwoHeadModel } from '../model/two-head-model';
import { createRng } from '../random/rng';
import { inverseFrequencyWeights, trainingInfluence, type InfluenceRow } from '../training/sampling';
import { trainTwoHeadPhase } from '../training/train-phase';
import {
  COMMON_DEFAULTS,
  COMMON_DOCS,
  mergeOptions,
  phaseFrom,
  recordOptions,
  validationOf,
  type CommonOptions,
} from './common-options';
import { disposePerUser, wrapPerUser, type PerUserModels } from './per-user-predictor';
import { modelBasics } from './single-model';
import type { PhaseSummary, Strategy } from './types';

export interface PerUserOptions extends CommonOptions {
  /** 'inverse-frequency' (Strategy 4's weights) or 'none'. */
  baseWeighting: string;
  minTasks: number;
  freezeLayers: number;
  finetuneEpochs: number;
  finetuneLearningRate: number;
  finetunePatience: number;
}

/** Each user's training rows, users with at least `minTasks` of them, in order of first appearance. */
export function usersToFineTune(
  tasks: readonly Task[],
  trainIndices: readonly number[],
  minTasks: number,
): Map<string, number[]> {
  const byUser = new Map<string, number[]>();
  for (const i of trainIndices) {
    const u = (tasks[i] as Task).userId;
    let list = byUser.get(u);
    if (!list) byUser.set(u, (list = []));
    list.push(i);
  }
  for (const [u, list] of byUser) if (list.length < minTasks) byUser.delete(u);
  return byUser;
}

/** Base rows (weighted as configured) and each fine-tuned user's own rows: the strategy's training influence. */
export function perUserInfluence(
  tasks: readonly Task[],
  trainIndices: readonly number[],
  o: PerUserOptions,
): InfluenceRow[] {
  const indices = [...trainIndices];
  const weights = o.baseWeighting === 'none' ? undefined : inverseFrequencyWeights(tasks, indices);
  const rows = trainingInfluence(tasks, indices, weights, 'base');
  for (const [userId, own] of usersToFineTune(tasks, indices, o.minTasks)) {
    rows.push(...trainingInfluence(tasks, own, undefined, `fine-tune:${userId}`));
  }
  return rows;
}

/** The layers frozen by `freezeLayers` = n: the first n weight-bearing layers of the base network, input side first. */
export function frozenLayers(n: number): Set<LayerName> {
  const base = LAYER_ORDER.filter((l) => !l.startsWith('user_') && !(l.endsWith('_bn') && l !== 'trunk_bn'));
  return new Set(base.slice(0, Math.max(0, n)));
}

export const perUser: Strategy<PerUserOptions> = {
  id: 'per-user',
  label: '6. Per-user models',
  summary:
    'Drops the user embedding: a shared base model learns from everyone, then each user with enough tasks gets a copy fine-tuned on their own tasks; others use the base.',
  defaultOptions: {
    ...COMMON_DEFAULTS,
    baseWeighting: 'inverse-frequency',
    minTasks: 20,
    freezeLayers: 4,
    finetuneEpochs: 10,
    finetuneLearningRate: 1e-4,
    finetunePatience: 0,
  },
  optionDocs: {
    ...COMMON_DOCS,
    epochs: 'Maximum epochs of the base model (seed: 50).',
    baseWeighting: "Loss weights of the base model: 'inverse-frequency' (as Strategy 4) or 'none'.",
    minTasks: 'Training tasks a user needs to get an own fine-tuned model; others use the base.',
    freezeLayers:
      'Layers kept frozen in each user model, counted from the input: topic embedding, difficulty embedding, dense 64, its BatchNorm, dense 32, output.',
    finetuneEpochs: "Epochs of each user's fine-tune (seed: 10).",
    finetuneLearningRate: "Adam learning rate of each user's fine-tune, a new optimizer (seed: 0.0001).",
    finetunePatience: 'Early-stopping patience of the fine-tunes, epochs; 0 = all epochs, as the seed.',
  },
  influence(data, options) {
    return perUserInfluence(data.tasks, data.trainIndices, mergeOptions(perUser.defaultOptions, options));
  },
  async train(data, options, ctx) {
    const started = performance.now();
    const o = mergeOptions(perUser.defaultOptions, options);
    const rng = createRng(ctx.seed);
    const validation = validationOf(ctx);
    const { tasks } = data;
    const features = featureMatrixOf(tasks);
    const indices = [...data.trainIndices];
    const weights = o.baseWeighting === 'none' ? undefined : inverseFrequencyWeights(tasks, indices);
    const { encoders, timeScale } = modelBasics(tasks, indices, features, 'v2');
    const base = createTwoHeadModel(
      ARCHITECTURES.base,
      'v2',
      encoders,
      timeScale,
      () => rng.int32(),
      'per-user.base',
    );
    const models: PerUserModels = { base, users: new Map() };
    const phases: PhaseSummary[] = [];
    const run = {
      strategyId: perUser.id,
      tasks,
      features,
      validation,
      rng,
      signal: ctx.signal,
      onProgress: ctx.onProgress,
    };
    try {
      phases.push(
        ...(await trainTwoHeadPhase(base, {
          ...run,
          phase: 'base',
          indices,
          weights,
          options: phaseFrom(o),
        })),
      );
      const frozen = frozenLayers(o.freezeLayers);
      for (const [userId, rows] of usersToFineTune(tasks, indices, o.minTasks)) {
        const model = cloneTwoHeadModel(base, `per-user.${models.users.size + 1}`);
        models.users.set(userId, model);
        const finetune = {
          ...phaseFrom({
            ...o,
            epochs: o.finetuneEpochs,
            learningRate: o.finetuneLearningRate,
            patience: o.finetunePatience,
          }),
          frozen,
        };
        phases.push(
          ...(await trainTwoHeadPhase(model, {
            ...run,
            phase: 'user',
            userId,
            indices: rows,
            options: finetune,
          })),
        );
      }
      return wrapPerUser(perUser, models, {
        options: recordOptions(o, validation),
        trainMs: performance.now() - started,
        trainingInfluence: perUserInfluence(tasks, indices, o),
        phases,
      });
    } catch (err) {
      disposePerUser(models);
      throw err;
    }
  },
};
