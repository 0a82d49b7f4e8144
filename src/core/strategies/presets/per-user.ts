/**
 * Strategy 6 — per-user models: a base network without any user embedding (topic, difficulty and
 * history only), trained on all users (inverse-frequency weighted by default), then cloned for each
 * user with at least `minTasks` training tasks; the first `freezeLayers` layers of the clone are
 * frozen (weights and BatchNorm statistics untouched) and the rest fine-tuned on that user alone.
 */
import { COMMON_DEFAULTS, COMMON_DOCS, plainRecipe } from '../common-options';
import { definePreset } from './define-preset';

/** The base model's loss weights: Strategy 4's, or none. */
const BASE_WEIGHTING = new Map([
  ['inverse-frequency', 1],
  ['none', 0],
]);

export const perUser = definePreset({
  id: 'per-user',
  label: '6. Per-user models',
  summary:
    'Drops the user embedding: a shared base model learns from everyone, then each user with enough tasks gets a copy fine-tuned on their own tasks; others use the base.',
  color: '#0072B2',
  costRank: 5,
  seedOptions: {
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
  recipe: (o) => {
    const weightExponent = BASE_WEIGHTING.get(o.baseWeighting);
    if (weightExponent === undefined)
      throw new Error(`baseWeighting must be 'inverse-frequency' or 'none', not '${o.baseWeighting}'`);
    return {
      ...plainRecipe('base', o),
      weightExponent,
      perUser: {
        kind: 'fine-tune',
        minTasks: o.minTasks,
        freezeLayers: o.freezeLayers,
        epochs: o.finetuneEpochs,
        learningRate: o.finetuneLearningRate,
        patience: o.finetunePatience,
      },
    };
  },
});
