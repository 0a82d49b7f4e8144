/**
 * Strategy 6 — per-user models: a base network without any user embedding (topic, difficulty and
 * history only), trained on all users (inverse-frequency weighted by default), then cloned for each
 * user with at least `minTasks` training tasks; the first `freezeLayers` layers of the clone are
 * frozen (weights and BatchNorm statistics untouched) and the rest fine-tuned on that user alone.
 * Fine-tunes of users with similar task counts train together, stacked in one loop (fineTuneGroups).
 */
import type { Task } from '../data/task';
import { featureMatrixOf } from '../features/task-context';
import { ARCHITECTURES, LAYER_ORDER, withMonotoneResponse, type LayerName } from '../model/architecture';
import { cloneTwoHeadModel, createTwoHeadModel, type TwoHeadModel } from '../model/two-head-model';
import { createRng } from '../random/rng';
import { inverseFrequencyWeights, trainingInfluence, type InfluenceRow } from '../training/loop/sampling';
import { trainTwoHeadPhase, trainTwoHeadPhases } from '../training/loop/train-phase';
import {
  COMMON_DEFAULTS,
  COMMON_DOCS,
  labDefaults,
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

/** Users fine-tuned in one stacked loop at most (memory grows with it; dispatches do not). */
export const FINE_TUNE_GROUP_MAX = 64;

/**
 * Fine-tunes grouped for stacked training: users whose row counts lie in the same power of two
 * (so padding to the largest costs under 2×), at most `max` per group, in order of first appearance.
 */
export function fineTuneGroups(
  users: ReadonlyMap<string, number[]>,
  max = FINE_TUNE_GROUP_MAX,
): [string, number[]][][] {
  const byClass = new Map<number, [string, number[]][][]>();
  for (const entry of users) {
    const cls = Math.floor(Math.log2(Math.max(1, entry[1].length)));
    const groups = byClass.get(cls) ?? [];
    const last = groups.at(-1);
    if (last && last.length < max) last.push(entry);
    else groups.push([entry]);
    byClass.set(cls, groups);
  }
  return [...byClass.values()].flat();
}

/** The layers frozen by `freezeLayers` = n: the first n weight-bearing layers of the base network, input side first. */
export function frozenLayers(n: number): Set<LayerName> {
  const base = LAYER_ORDER.filter((l) => !l.startsWith('user_') && !(l.endsWith('_bn') && l !== 'trunk_bn'));
  return new Set(base.slice(0, Math.max(0, n)));
}

/** The design note's settings. */
const PER_USER_SEED: PerUserOptions = {
  ...COMMON_DEFAULTS,
  baseWeighting: 'inverse-frequency',
  minTasks: 20,
  freezeLayers: 4,
  finetuneEpochs: 10,
  finetuneLearningRate: 1e-4,
  finetunePatience: 0,
};

export const perUser: Strategy<PerUserOptions> = {
  id: 'per-user',
  label: '6. Per-user models',
  summary:
    'Drops the user embedding: a shared base model learns from everyone, then each user with enough tasks gets a copy fine-tuned on their own tasks; others use the base.',
  defaultOptions: labDefaults(PER_USER_SEED),
  seedOptions: PER_USER_SEED,
  optionDocs: {
    ...COMMON_DOCS,
    epochs: 'Maximum epochs of the base model (design note: 50).',
    baseWeighting: "Loss weights of the base model: 'inverse-frequency' (as Strategy 4) or 'none'.",
    minTasks: 'Training tasks a user needs to get an own fine-tuned model; others use the base.',
    freezeLayers:
      'Layers kept frozen in each user model, counted from the input: topic embedding, difficulty embedding, dense 64, its BatchNorm, dense 32, output; with the monotone response on, 7 and 8 also freeze its side path.',
    finetuneEpochs: "Epochs of each user's fine-tune (design note: 10).",
    finetuneLearningRate:
      "Adam learning rate of each user's fine-tune, a new optimizer (design note: 0.0001).",
    finetunePatience:
      'Early-stopping patience of the fine-tunes, epochs; 0 = all epochs, as the design note.',
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
      withMonotoneResponse(ARCHITECTURES.base, o.monotoneResponse, o.monotoneCounts),
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
      const finetune = {
        ...phaseFrom({
          ...o,
          epochs: o.finetuneEpochs,
          learningRate: o.finetuneLearningRate,
          patience: o.finetunePatience,
        }),
        frozen: frozenLayers(o.freezeLayers),
      };
      const toTune = usersToFineTune(tasks, indices, o.minTasks);
      for (const userId of toTune.keys()) {
        models.users.set(userId, cloneTwoHeadModel(base, `per-user.${models.users.size + 1}`));
      }
      const userPhases = new Map<string, PhaseSummary[]>();
      for (const group of fineTuneGroups(toTune)) {
        const members = group.map(([userId, rows]) => ({
          model: models.users.get(userId) as TwoHeadModel,
          indices: rows,
          userId,
        }));
        const summaries = await trainTwoHeadPhases(members, { ...run, phase: 'user', options: finetune });
        members.forEach((m, i) => userPhases.set(m.userId, summaries[i] as PhaseSummary[]));
      }
      // Summaries in the order users were first seen, whatever group they trained in.
      for (const userId of toTune.keys()) phases.push(...(userPhases.get(userId) ?? []));
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
