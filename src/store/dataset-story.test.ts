import { describe, expect, it } from 'vitest';
import { datasetStory, influenceShift } from './dataset-story';

const users = (...shares: number[]) =>
  shares.map((share, i) => ({ userId: `u${i}`, tasks: Math.round(share * 1000), share, correctRate: 0.5 }));

describe('the dataset story', () => {
  it('tells the dominant-user story only from half of the tasks up', () => {
    expect(datasetStory({ rows: 917, users: users(0.923, 0.064, 0.01, 0.003) })).toMatchObject({
      kind: 'dominant',
      userId: 'u0',
      share: 0.923,
      users: 4,
    });
    expect(datasetStory({ rows: 1000, users: users(0.5, 0.5) })?.kind).toBe('dominant');
    expect(datasetStory({ rows: 173_251, users: users(0.127, 0.097, 0.09) })).toMatchObject({
      kind: 'balanced',
      share: 0.127,
    });
    expect(datasetStory(undefined)).toBeUndefined();
    expect(datasetStory({ rows: 0, users: [] })).toBeUndefined();
  });

  it('says how a strategy moves the largest user’s share of the training loss', () => {
    const preview = {
      'full-retrain': [
        { userId: 'u0', samples: 800, weight: 1, share: 0.92, phase: 'train' },
        { userId: 'u1', samples: 70, weight: 1, share: 0.08, phase: 'train' },
      ],
      'balanced-sampling': [
        { userId: 'u0', samples: 150, weight: 1, share: 0.68, phase: 'train' },
        { userId: 'u1', samples: 70, weight: 1, share: 0.32, phase: 'train' },
      ],
      'own-two-phase': [
        { userId: 'u0', samples: 100, weight: 1, share: 0.59, phase: 'pretrain' },
        { userId: 'u0', samples: 800, weight: 1, share: 0.92, phase: 'finetune' },
      ],
    };
    expect(influenceShift(preview, 'balanced-sampling', 'u0')).toEqual({ plain: 0.92, under: 0.68 });
    expect(influenceShift(preview, 'own-two-phase', 'u0')).toEqual({ plain: 0.92, under: 0.59 });
    expect(influenceShift(preview, 'weighted-loss', 'u0')).toBeUndefined();
    expect(influenceShift(preview, 'balanced-sampling', undefined)).toBeUndefined();
  });
});
