/**
 * Strategy 4 — weighted loss: the v2 model on all training rows, each row weighted by
 * total / (users × that user's rows), so every user carries the same share of the loss (weight
 * exponent 1). Needs the custom training loop, since tfjs `fit` rejects sampleWeight.
 */
import { COMMON_DEFAULTS, COMMON_DOCS, plainRecipe } from '../common-options';
import { definePreset } from './define-preset';

export const weightedLoss = definePreset({
  id: 'weighted-loss',
  label: '4. Weighted loss',
  summary:
    'Uses all data but weights each task inversely to its user’s task count, so each user has an equal share of the loss (the design note’s recommendation).',
  color: '#009E73',
  costRank: 4,
  seedOptions: { ...COMMON_DEFAULTS },
  optionDocs: COMMON_DOCS,
  recipe: (o) => ({ ...plainRecipe('v2', o), weightExponent: 1 }),
});
