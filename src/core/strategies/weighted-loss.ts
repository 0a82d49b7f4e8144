/**
 * Strategy 4 — weighted loss: the v2 model on all training rows, each row weighted by
 * total / (users × that user's rows), so every user carries the same share of the loss. Needs the
 * custom training loop, since tfjs `fit` rejects sampleWeight.
 */
import { ARCHITECTURES, withMonotoneResponse } from '../model/architecture';
import { inverseFrequencyWeights } from '../training/loop/sampling';
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

export type WeightedLossOptions = CommonOptions;

/** All training rows with inverse-frequency weights, one phase, v2. */
export function planWeightedLoss(data: TrainingData, o: WeightedLossOptions): SingleModelPlan {
  const indices = [...data.trainIndices];
  const weights = inverseFrequencyWeights(data.tasks, indices);
  return {
    version: 'v2',
    arch: withMonotoneResponse(ARCHITECTURES.v2, o.monotoneResponse, o.monotoneCounts),
    phases: [{ phase: 'train', indices, weights, options: phaseFrom(o) }],
  };
}

export const weightedLoss: Strategy<WeightedLossOptions> = {
  id: 'weighted-loss',
  label: '4. Weighted loss',
  summary:
    'Uses all data but weights each task inversely to its user’s task count, so each user has an equal share of the loss (the design note’s recommendation).',
  defaultOptions: labDefaults({ ...COMMON_DEFAULTS }),
  seedOptions: { ...COMMON_DEFAULTS },
  optionDocs: COMMON_DOCS,
  influence(data, options) {
    return planInfluence(
      data.tasks,
      planWeightedLoss(data, mergeOptions(weightedLoss.defaultOptions, options)),
    );
  },
  async train(data, options, ctx) {
    const o = mergeOptions(weightedLoss.defaultOptions, options);
    return trainSingleModel(weightedLoss, data, planWeightedLoss(data, o), o, ctx);
  },
};
