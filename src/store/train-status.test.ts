import { describe, expect, it } from 'vitest';
import { ALL_TRAINED, failureLines, finishedStatus, runningStatus } from './train-status';
import type { StrategyProgress } from './training-slice';

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

describe('the status while a run trains', () => {
  const at = (seedIndex: number, seedsDone: number, done = false): StrategyProgress => ({
    phase: 'full',
    head: 'correctness',
    epoch: 1,
    epochs: 5,
    losses: [],
    valLosses: [],
    seedsDone,
    repeats: 2,
    seedIndex,
    done,
  });
  const label = (id: string) => id.toUpperCase();

  it('names only the strategies training now, not those waiting for their next seed', () => {
    // a: seed 1 done, seed 2 not begun; b: training seed 2; c: training seed 1; d: both seeds done.
    const progress = { a: at(0, 1), b: at(1, 1), c: at(0, 0), d: at(1, 2, true) };
    expect(runningStatus(['a', 'b', 'c', 'd', 'e'], progress, label, 2)).toBe(
      'Training B and C — seed 1 of 2 (4 of 10 runs done)',
    );
    // Between seeds nothing trains for a moment.
    expect(runningStatus(['a'], { a: at(0, 1) }, label, 2)).toBe(
      'Training … — seed 2 of 2 (1 of 2 runs done)',
    );
  });

  it('with one seed, names the strategies that have started and not finished', () => {
    const progress = { a: { ...at(0, 1, true), repeats: 1 }, b: { ...at(0, 0), repeats: 1 } };
    expect(runningStatus(['a', 'b', 'c'], progress, label)).toBe('Training B (1 of 3 done)');
  });
});
