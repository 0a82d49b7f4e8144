/**
 * Strategy 3 — balanced sampling: the v2 model trained on each user's `maxPerUser` most recent
 * training rows (design note: 150), so the dominant user's older history is left out. History features
 * still come from each user's full history, so training and serving see the same features.
 */
import { COMMON_DEFAULTS, COMMON_DOCS, plainRecipe } from '../common-options';
import { definePreset } from './define-preset';

export const balancedSampling = definePreset({
  id: 'balanced-sampling',
  label: '3. Balanced sampling',
  summary:
    'Keeps at most maxPerUser most recent tasks per user (design note: 150), so a user with many tasks cannot outweigh the others.',
  color: '#56B4E9',
  costRank: 6,
  seedOptions: { ...COMMON_DEFAULTS, maxPerUser: 150 },
  optionDocs: {
    ...COMMON_DOCS,
    maxPerUser: 'Most recent training tasks kept per user (design note: 150; 100 also discussed).',
  },
  recipe: (o) => ({ ...plainRecipe('v2', o), capPerUser: o.maxPerUser }),
});
