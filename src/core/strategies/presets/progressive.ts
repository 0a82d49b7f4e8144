/**
 * Strategy 5 — progressive training: pretrain the v2 model on a balanced subset (each user's 100
 * most recent rows, 30 epochs, Adam 1e-3, patience 10), then fine-tune the same weights on all
 * training rows with a new, 10× slower optimizer (20 epochs, 1e-4, patience 5), as the design note does.
 */
import { COMMON_DOCS, MONOTONE_DEFAULTS, MONOTONE_DOCS, monotoneOf } from '../common-options';
import { definePreset } from './define-preset';

export const progressive = definePreset({
  id: 'progressive',
  label: '5. Progressive training',
  summary:
    'Pretrains on a balanced subset to learn general patterns, then fine-tunes on all data at a 10× lower learning rate to personalise gently.',
  color: '#CC79A7',
  costRank: 1,
  seedOptions: {
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
    ...MONOTONE_DEFAULTS,
  },
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
    ...MONOTONE_DOCS,
  },
  // The training options are the pretraining's; the schedule carries the fine-tune's own.
  recipe: (o) => ({
    architecture: 'v2',
    capPerUser: 'none',
    weightExponent: 0,
    schedule: {
      kind: 'pretrain-then-finetune',
      pretrainCapPerUser: o.pretrainMaxPerUser,
      epochs: o.finetuneEpochs,
      learningRate: o.finetuneLearningRate,
      patience: o.finetunePatience,
    },
    perUser: { kind: 'off' },
    monotoneResponse: monotoneOf(o),
    training: {
      epochs: o.pretrainEpochs,
      batchSize: o.batchSize,
      learningRate: o.pretrainLearningRate,
      stepsPerEpoch: o.stepsPerEpoch,
      patience: o.pretrainPatience,
      restoreBestWeights: o.restoreBestWeights,
    },
  }),
});
