/**
 * The machinery strategies 1–5 share: one two-head model trained through a list of phases (rows,
 * weights, phase options), wrapped as a TrainedStrategy whose `predict` hides tfjs. A strategy file
 * only decides its plan. No DOM; tfjs through the model and training modules.
 */
import { buildEncoders } from '../features/encoders';
import { encodeContexts, encodeRows, fitTimeScale } from '../features/encoded-rows';
import type { FeatureVersion } from '../features/history-features';
import { featureMatrixOf } from '../features/task-context';
import type { ArchitectureSpec } from '../model/architecture';
import {
  createTwoHeadModel,
  disposeTwoHeadModel,
  modelMetadata,
  predictTwoHeads,
  type TwoHeadModel,
} from '../model/two-head-model';
import { createRng } from '../random/rng';
import type { Task } from '../data/task';
import { trainingInfluence, type InfluenceRow } from '../training/loop/sampling';
import type { PhaseOptions } from '../training/loop/train-head';
import { trainTwoHeadPhase } from '../training/loop/train-phase';
import { recordOptions, validationOf } from './common-options';
import type {
  ExportableModel,
  PhaseSummary,
  StrategyContext,
  StrategyId,
  TrainedStrategy,
  TrainingData,
} from './types';

export interface PlannedPhase {
  phase: string;
  /** Rows of the phase, chronological positions into data.tasks. */
  indices: number[];
  /** Loss weights aligned with `indices`; default 1. */
  weights?: number[];
  options: PhaseOptions;
}

export interface SingleModelPlan {
  version: FeatureVersion;
  arch: ArchitectureSpec;
  phases: PlannedPhase[];
}

/** Rows a plan learns from in any phase (vocabularies and time scaling come from these), chronological. */
export function planRows(plan: { phases: PlannedPhase[] }): number[] {
  return [...new Set(plan.phases.flatMap((p) => p.indices))].sort((a, b) => a - b);
}

/** Vocabularies and time scaling from the rows a strategy learns from. */
export function modelBasics(
  tasks: readonly Task[],
  rows: number[],
  features: Float32Array,
  version: FeatureVersion,
) {
  const encoders = buildEncoders(rows.map((i) => tasks[i] as Task));
  const timeScale = fitTimeScale(encodeRows(tasks, rows, features, version, encoders));
  return { encoders, timeScale };
}

/** Influence rows of every phase of a plan. */
export function planInfluence(tasks: readonly Task[], plan: { phases: PlannedPhase[] }): InfluenceRow[] {
  return plan.phases.flatMap((p) => trainingInfluence(tasks, p.indices, p.weights, p.phase));
}

/** Train a single-model plan and wrap the result. Disposes everything if training fails or is aborted. */
export async function trainSingleModel(
  strategy: { id: StrategyId; label: string },
  data: TrainingData,
  plan: SingleModelPlan,
  options: object,
  ctx: StrategyContext,
): Promise<TrainedStrategy> {
  const started = performance.now();
  const rng = createRng(ctx.seed);
  const validation = validationOf(ctx);
  const features = featureMatrixOf(data.tasks);
  const { encoders, timeScale } = modelBasics(data.tasks, planRows(plan), features, plan.version);
  const model = createTwoHeadModel(
    plan.arch,
    plan.version,
    encoders,
    timeScale,
    () => rng.int32(),
    strategy.id,
  );
  const phases: PhaseSummary[] = [];
  try {
    for (const p of plan.phases) {
      phases.push(
        ...(await trainTwoHeadPhase(model, {
          strategyId: strategy.id,
          phase: p.phase,
          tasks: data.tasks,
          features,
          indices: p.indices,
          weights: p.weights,
          options: p.options,
          validation,
          rng,
          signal: ctx.signal,
          onProgress: ctx.onProgress,
        })),
      );
    }
  } catch (err) {
    disposeTwoHeadModel(model);
    throw err;
  }
  return wrapSingleModel(strategy, model, {
    options: recordOptions(options, validation),
    trainMs: performance.now() - started,
    trainingInfluence: planInfluence(data.tasks, plan),
    phases,
  });
}

/** A TrainedStrategy over one two-head model. */
export function wrapSingleModel(
  strategy: { id: StrategyId; label: string },
  model: TwoHeadModel,
  info: Pick<TrainedStrategy, 'options' | 'trainMs' | 'trainingInfluence' | 'phases'>,
): TrainedStrategy {
  let disposed = false;
  return {
    id: strategy.id,
    label: strategy.label,
    ...info,
    predict: async (contexts) => {
      if (disposed) throw new Error(`${strategy.id} was disposed`);
      return predictTwoHeads(model, encodeContexts(contexts, model.version, model.encoders));
    },
    models: (): ExportableModel[] =>
      (['correctness', 'time'] as const).map((head) => ({
        name: head,
        head,
        model: model[head].model,
        metadata: { strategyId: strategy.id, ...modelMetadata(model, head) },
      })),
    dispose: () => {
      if (!disposed) disposeTwoHeadModel(model);
      disposed = true;
    },
  };
}
