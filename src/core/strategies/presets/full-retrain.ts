/**
 * Strategy 1 — full retrain with no changes: the production model (v1 features with uncapped counts,
 * user embedding 32, no regulariser, no embedding BatchNorm) on all training rows. The design note expects it
 * to make saturation worse; it is the control.
 */
import { COMMON_DEFAULTS, COMMON_DOCS, plainRecipe } from '../common-options';
import { definePreset } from './define-preset';

export const fullRetrain = definePreset({
  id: 'full-retrain',
  label: '1. Full retrain (no changes)',
  summary:
    'Retrains the production model as it is (v1 features, user embedding 32, no regularisation) on all data; the design note expects even more saturated predictions.',
  // The one to avoid: the warm vermillion.
  color: '#D55E00',
  costRank: 3,
  seedOptions: { ...COMMON_DEFAULTS },
  optionDocs: COMMON_DOCS,
  recipe: (o) => plainRecipe('v1', o),
});
