/**
 * What a recipe trains on, decided before any tensor exists: the rows (after the per-user cap), each
 * shared phase with its rows, loss weights and options, the users who get an own fine-tune, and the
 * per-user training influence all of that gives (docs/contract.md §2). Pure TS: no tfjs.
 */
import { groupByUser } from '../data/group-by-user';
import type { Task } from '../data/task';
import type { FeatureVersion } from '../features/history-features';
import {
  frequencyWeights,
  mostRecentPerUser,
  trainingInfluence,
  type InfluenceRow,
} from '../training/loop/sampling';
import type { PhaseOptions } from '../training/loop/train-head';
import type { Recipe, StageOptions, TrainingOptions } from './recipe';
import type { TrainingData } from './types';

export interface PlannedPhase {
  /** e.g. "train", "base", "pretrain", "fine-tune". */
  phase: string;
  /** Rows of the phase, chronological positions into data.tasks. */
  indices: number[];
  /** Loss weights aligned with `indices`; absent = every row 1. */
  weights?: number[];
  options: PhaseOptions;
}

export interface RecipePlan {
  /** v1 features (uncapped counts) for the v1 architecture, v2 for the others. */
  version: FeatureVersion;
  /** Every row the shared model learns from, chronological: vocabularies and time scaling come from these. */
  rows: number[];
  /** The shared model's phases, in order. */
  shared: PlannedPhase[];
  /** Per-user fine-tunes: each qualifying user's rows (in order of first appearance), or none. */
  fineTunes?: { users: Map<string, number[]>; freezeLayers: number; options: PhaseOptions };
}

const phaseOptions = (t: TrainingOptions, stage?: StageOptions): PhaseOptions => ({
  epochs: stage?.epochs ?? t.epochs,
  batchSize: t.batchSize,
  learningRate: stage?.learningRate ?? t.learningRate,
  stepsPerEpoch: t.stepsPerEpoch,
  patience: stage?.patience ?? t.patience,
  restoreBestWeights: t.restoreBestWeights,
});

/** Each user's rows of `indices`, users with at least `minTasks` of them, in order of first appearance. */
export function usersToFineTune(
  tasks: readonly Task[],
  indices: readonly number[],
  minTasks: number,
): Map<string, number[]> {
  const byUser = groupByUser(tasks, indices);
  for (const [u, list] of byUser) if (list.length < minTasks) byUser.delete(u);
  return byUser;
}

export function planRecipe(recipe: Recipe, data: TrainingData): RecipePlan {
  const { tasks } = data;
  const rows =
    recipe.capPerUser === 'none'
      ? [...data.trainIndices]
      : mostRecentPerUser(tasks, data.trainIndices, recipe.capPerUser);
  const weigh = (indices: number[]) =>
    recipe.weightExponent === 0 ? undefined : frequencyWeights(tasks, indices, recipe.weightExponent);
  const phase = (name: string, indices: number[], stage?: StageOptions): PlannedPhase => {
    const weights = weigh(indices);
    return {
      phase: name,
      indices,
      ...(weights ? { weights } : {}),
      options: phaseOptions(recipe.training, stage),
    };
  };
  const { schedule, perUser } = recipe;
  const shared =
    schedule.kind === 'pretrain-then-finetune'
      ? [
          phase('pretrain', mostRecentPerUser(tasks, rows, schedule.pretrainCapPerUser)),
          phase('fine-tune', rows, schedule),
        ]
      : // With per-user models the shared model is their base, and named so.
        [phase(perUser.kind === 'fine-tune' ? 'base' : 'train', rows)];
  return {
    version: recipe.architecture === 'v1' ? 'v1' : 'v2',
    rows: [...rows].sort((a, b) => a - b),
    shared,
    ...(perUser.kind === 'fine-tune'
      ? {
          fineTunes: {
            users: usersToFineTune(tasks, rows, perUser.minTasks),
            freezeLayers: perUser.freezeLayers,
            options: phaseOptions(recipe.training, perUser),
          },
        }
      : {}),
  };
}

/** Influence rows of every phase: the shared phases', then each fine-tuned user's own rows. */
export function planInfluence(tasks: readonly Task[], plan: RecipePlan): InfluenceRow[] {
  const rows = plan.shared.flatMap((p) => trainingInfluence(tasks, p.indices, p.weights, p.phase));
  for (const [userId, own] of plan.fineTunes?.users ?? [])
    rows.push(...trainingInfluence(tasks, own, undefined, `fine-tune:${userId}`));
  return rows;
}

/** The `trainingInfluence` a recipe would have, without training (the lab's preview). */
export function recipeInfluence(recipe: Recipe, data: TrainingData): InfluenceRow[] {
  return planInfluence(data.tasks, planRecipe(recipe, data));
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
