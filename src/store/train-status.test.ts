import { describe, expect, it } from 'vitest';
import { ALL_TRAINED, failureLines, finishedStatus } from './train-status';

const ok = (label: string) => ({ status: 'ok' as const, label });
const failed = (label: string) => ({ status: 'failed' as const, label });

describe('the status when a run ends', () => {
  it('says "All strategies trained" (docs/contract.md §4) only when every strategy trained', () => {
    expect(finishedStatus([ok('1'), ok('2'), ok('3')], 'all')).toBe(ALL_TRAINED);
    expect(ALL_TRAINED).toBe('All strategies trained');
  });

  it('counts failures instead: "5 trained, 1 failed", never "All strategies trained"', () => {
    const entries = [ok('1'), ok('2'), ok('3'), ok('4'), failed('5'), ok('6')];
    expect(finishedStatus(entries, 'all')).toBe('5 trained, 1 failed');
    expect(finishedStatus([failed('1'), failed('2')], 'all')).toBe('All 2 strategies failed');
    expect(finishedStatus([failed('1')], 'all')).toBe('The strategy failed');
  });

  it('names the one strategy of "Train only this"', () => {
    expect(finishedStatus([ok('5. Progressive training')], 'single')).toBe('5. Progressive training trained');
    expect(finishedStatus([failed('5. Progressive training')], 'single')).toBe(
      '5. Progressive training failed',
    );
  });

  it('lists each failure with its strategy', () => {
    expect(
      failureLines([
        { label: '1. F', status: 'ok' },
        {
          label: '5. P',
          status: 'failed',
          error: 'training diverged at epoch 3 (learning rate 1e9 is probably too high)',
        },
      ]),
    ).toEqual(['5. P: training diverged at epoch 3 (learning rate 1e9 is probably too high)']);
  });
});
