/**
 * Strategy 2 — full retrain with the design note's architecture fixes: v2 features (counts capped at 1),
 * user embedding 16 with L2(0.01), BatchNorm after each embedding, on all training rows.
 * Plan only: training lives in single-model.ts.
 */
import { ARCHITECTURES } from '../model/architecture';
import {
  COMMON_DEFAULTS,
  COMMON_DOCS,
  mergeOptions,
  phaseFrom,
  type CommonOptions,
  labDefaults,
} from './common-options';
import { planInfluence, trainSingleModel, type SingleModelPlan } from './single-model';
import type { Strategy, TrainingData } from './types';

export type ArchitectureFixesOptions = CommonOptions;

/** All training rows, unweighted, one phase, v2. */
export function planArchitectureFixes(data: TrainingData, o: ArchitectureFixesOptions): SingleModelPlan {
  return {
    version: 'v2',
    arch: ARCHITECTURES.v2,
    phases: [{ phase: 'train', indices: [...data.trainIndices], options: phaseFrom(o) }],
  };
}

export const architectureFixes: Strategy<ArchitectureFixesOptions> = {
  id: 'architecture-fixes',
  label: '2. Full retrain (with fixes)',
  summary:
    'Caps the task-count features, halves the user embedding with L2 0.01 and adds BatchNorm; every row still counts alike, so a dominant user still dominates and some saturation may remain.',
  defaultOptions: labDefaults({ ...COMMON_DEFAULTS }),
  seedOptions: { ...COMMON_DEFAULTS },
  optionDocs: COMMON_DOCS,
  influence(data, options) {
    return planInfluence(
      data.tasks,
      planArchitectureFixes(data, mergeOptions(architectureFixes.defaultOptions, options)),
    );
  },
  async train(data, options, ctx) {
    const o = mergeOptions(architectureFixes.defaultOptions, options);
    return trainSingleModel(architectureFixes, data, planArchitectureFixes(data, o), o, ctx);
  },
};
