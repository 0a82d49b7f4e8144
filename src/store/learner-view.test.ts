import { describe, expect, it } from 'vitest';
import { learnerRows } from './learner-view';

describe('learner rows', () => {
  it('order by the catalog, pair each prediction with the unedited one, and keep why one is missing', () => {
    const rows = learnerRows(
      ['full-retrain', 'weighted-loss', 'own-recipe'],
      [
        { strategyId: 'own-recipe', label: '6', missing: 'it failed to train' },
        { strategyId: 'weighted-loss', label: '4', pCorrect: 0.7, timeSeconds: 30 },
        { strategyId: 'full-retrain', label: '1', pCorrect: 0.9, timeSeconds: 20 },
      ],
      [{ strategyId: 'weighted-loss', label: '4', pCorrect: 0.6, timeSeconds: 35 }],
    );
    expect(rows).toEqual([
      { id: 'full-retrain', label: '1', pCorrect: 0.9, timeSeconds: 20 },
      {
        id: 'weighted-loss',
        label: '4',
        pCorrect: 0.7,
        timeSeconds: 30,
        basePCorrect: 0.6,
        baseTimeSeconds: 35,
      },
      { id: 'own-recipe', label: '6', missing: 'it failed to train' },
    ]);
    expect(learnerRows([], undefined, undefined)).toEqual([]);
  });
});
