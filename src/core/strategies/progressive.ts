/**
 * Strategy 5 — progressive training: pretrain the v2 model on a balanced subset (each user's 100
 * most recent rows, 30 epochs, Adam 1e-3, patience 10), then fine-tune the same weights on all
 * training rows with a new, 10× slower optimizer (20 epochs, 1e-4, patience 5), as the design note does.
 */
import { ARCHITECTURES, withMonotoneResponse } from '../model/architecture';
import { mostRecentPerUser } from '../training/loop/sampling';
import {
  COMMON_DOCS,
  MONOTONE_COUNTS_DOC,
  MONOTONE_RESPONSE_DOC,
  labDefaults,
  mergeOptions,
} from './common-options';
import { planInfluence, trainSingleModel, type SingleModelPlan } from './single-model';
import type { Strategy, TrainingData } from './types';

export interface ProgressiveOptions {
  batchSize: number;
  stepsPerEpoch: number;
  restoreBestWeights: boolean;
  pretrainMaxPerUser: number;
  pretrainEpochs: number;
  pretrainLearningRate: number;
  pretrainPatience: number;
  finetuneEpochs: number;
  finetuneLearningRate: number;
  finetunePatience: number;
  monotoneResponse: boolean;
  monotoneCounts: boolean;
}

/** Phase 1 on the balanced subset, phase 2 on every training row; both unweighted, v2. */
export function planProgressive(data: TrainingData, o: ProgressiveOptions): SingleModelPlan {
  const common = {
    batchSize: o.batchSize,
    stepsPerEpoch: o.stepsPerEpoch,
    restoreBestWeights: o.restoreBestWeights,
  };
  return {
    version: 'v2',
    arch: withMonotoneResponse(ARCHITECTURES.v2, o.monotoneResponse, o.monotoneCounts),
    phases: [
      {
        phase: 'pretrain',
        indices: mostRecentPerUser(data.tasks, data.trainIndices, o.pretrainMaxPerUser),
        options: {
          ...common,
          epochs: o.pretrainEpochs,
          learningRate: o.pretrainLearningRate,
          patience: o.pretrainPatience,
        },
      },
      {
        phase: 'fine-tune',
        indices: [...data.trainIndices],
        options: {
          ...common,
          epochs: o.finetuneEpochs,
          learningRate: o.finetuneLearningRate,
          patience: o.finetunePatience,
        },
      },
    ],
  };
}

/** The design note's settings. */
const PROGRESSIVE_SEED: ProgressiveOptions = {
  batchSize: 32,
  stepsPerEpoch: 0,
  restoreBestWeights: true,
  pretrainMaxPerUser: 100,
  pretrainEpochs: 30,
  pretrainLearningRate: 1e-3,
  pretrainPatience: 10,
  finetuneEpochs: 20,
  finetuneLearningRate: 1e-4,
  finetunePatience: 5,
  monotoneResponse: false,
  monotoneCounts: false,
};

export const progressive: Strategy<ProgressiveOptions> = {
  id: 'progressive',
  label: '5. Progressive training',
  summary:
    'Pretrains on a balanced subset to learn general patterns, then fine-tunes on all data at a 10× lower learning rate to personalise gently.',
  defaultOptions: labDefaults(PROGRESSIVE_SEED),
  seedOptions: PROGRESSIVE_SEED,
  optionDocs: {
    batchSize: 'Rows per gradient step in both phases (design note: 32).',
    stepsPerEpoch: COMMON_DOCS.stepsPerEpoch,
    restoreBestWeights: 'After early stopping, return to the best validation epoch of that phase.',
    pretrainMaxPerUser: 'Most recent training tasks per user in the pretraining subset (design note: 100).',
    pretrainEpochs: 'Maximum pretraining epochs (design note: 30).',
    pretrainLearningRate: 'Adam learning rate while pretraining (design note: 0.001).',
    pretrainPatience: 'Early-stopping patience while pretraining, epochs (design note: 10).',
    finetuneEpochs: 'Maximum fine-tuning epochs on all data (design note: 20).',
    finetuneLearningRate: 'Adam learning rate while fine-tuning, a new optimizer (design note: 0.0001).',
    finetunePatience: 'Early-stopping patience while fine-tuning, epochs (design note: 5).',
    monotoneResponse: MONOTONE_RESPONSE_DOC,
    monotoneCounts: MONOTONE_COUNTS_DOC,
  },
  influence(data, options) {
    return planInfluence(
      data.tasks,
      planProgressive(data, mergeOptions(progressive.defaultOptions, options)),
    );
  },
  async train(data, options, ctx) {
    const o = mergeOptions(progressive.defaultOptions, options);
    return trainSingleModel(progressive, data, planProgressive(data, o), o, ctx);
  },
};
