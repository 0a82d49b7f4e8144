/**
 * Strategy 2 — full retrain with the design note's architecture fixes: v2 features (counts capped at 1),
 * user embedding 16 with L2(0.01), BatchNorm after each embedding, on all training rows.
 */
import { COMMON_DEFAULTS, COMMON_DOCS, plainRecipe } from '../common-options';
import { definePreset } from './define-preset';

export const architectureFixes = definePreset({
  id: 'architecture-fixes',
  label: '2. Full retrain (with fixes)',
  summary:
    'Caps the task-count features, halves the user embedding with L2 0.01 and adds BatchNorm; every row still counts alike, so a dominant user still dominates and some saturation may remain.',
  color: '#E69F00',
  costRank: 2,
  seedOptions: { ...COMMON_DEFAULTS },
  optionDocs: COMMON_DOCS,
  recipe: (o) => plainRecipe('v2', o),
});
