/**
 * Strategy 3 — balanced sampling: the v2 model trained on each user's `maxPerUser` most recent
 * training rows (seed: 150), so the dominant user's older history is left out. History features
 * still come from each user's full history, so training and serving see the same features.
 */
import { ARCHITECTURES } from '../model/architecture';
import { mostRecentPerUser } from '../training/loop/sampling';
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

export interface BalancedSamplingOptions extends CommonOptions {
  maxPerUser: number;
}

/** Each user's most recent maxPerUser training rows, unweighted, one phase, v2. */
export function planBalancedSampling(data: TrainingData, o: BalancedSamplingOptions): SingleModelPlan {
  const indices = mostRecentPerUser(data.tasks, data.trainIndices, o.maxPerUser);
  return {
    version: 'v2',
    arch: ARCHITECTURES.v2,
    phases: [{ phase: 'train', indices, options: phaseFrom(o) }],
  };
}

export const balancedSampling: Strategy<BalancedSamplingOptions> = {
  id: 'balanced-sampling',
  label: '3. Balanced sampling',
  summary:
    'Keeps at most maxPerUser most recent tasks per user (design note: 150), so a user with many tasks cannot outweigh the others.',
  defaultOptions: labDefaults({ ...COMMON_DEFAULTS, maxPerUser: 150 }),
  seedOptions: { ...COMMON_DEFAULTS, maxPerUser: 150 },
  optionDocs: {
    ...COMMON_DOCS,
    maxPerUser: 'Most recent training tasks kept per user (seed: 150; 100 also discussed).',
  },
  influence(data, options) {
    return planInfluence(
      data.tasks,
      planBalancedSampling(data, mergeOptions(balancedSampling.defaultOptions, options)),
    );
  },
  async train(data, options, ctx) {
    const o = mergeOptions(balancedSampling.defaultOptions, options);
    return trainSingleModel(balancedSampling, data, planBalancedSampling(data, o), o, ctx);
  },
};
