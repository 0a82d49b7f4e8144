/**
 * Strategy 1 — full retrain with no changes: the production model (v1 features with uncapped counts,
 * user embedding 32, no regulariser, no embedding BatchNorm) on all training rows. The design note expects it
 * to make saturation worse; it is the control. Plan only: training lives in single-model.ts.
 */
import { ARCHITECTURES, withMonotoneResponse } from '../model/architecture';
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

export type FullRetrainOptions = CommonOptions;

/** All training rows, unweighted, one phase. */
export function planFullRetrain(data: TrainingData, o: FullRetrainOptions): SingleModelPlan {
  return {
    version: 'v1',
    arch: withMonotoneResponse(ARCHITECTURES.v1, o.monotoneResponse, o.monotoneCounts),
    phases: [{ phase: 'train', indices: [...data.trainIndices], options: phaseFrom(o) }],
  };
}

export const fullRetrain: Strategy<FullRetrainOptions> = {
  id: 'full-retrain',
  label: '1. Full retrain (no changes)',
  summary:
    'Retrains the production model as it is (v1 features, user embedding 32, no regularisation) on all data; the design note expects even more saturated predictions.',
  defaultOptions: labDefaults({ ...COMMON_DEFAULTS }),
  seedOptions: { ...COMMON_DEFAULTS },
  optionDocs: COMMON_DOCS,
  influence(data, options) {
    return planInfluence(
      data.tasks,
      planFullRetrain(data, mergeOptions(fullRetrain.defaultOptions, options)),
    );
  },
  async train(data, options, ctx) {
    const o = mergeOptions(fullRetrain.defaultOptions, options);
    return trainSingleModel(fullRetrain, data, planFullRetrain(data, o), o, ctx);
  },
};
