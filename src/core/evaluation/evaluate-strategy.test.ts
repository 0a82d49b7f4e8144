import { describe, expect, it } from 'vitest';
import { temporalSplit } from '../split/temporal-split';
import { syntheticTasks } from '../testing/test-data.test-helper';
import { evaluateStrategy, resolveThresholds } from './evaluate-strategy';
import { fakeTrained } from './fake-trained.test-helper';
import { DEFAULT_THRESHOLDS } from './verdicts';

const tasks = syntheticTasks(120, 3, 3);
const split = temporalSplit(tasks);

describe('evaluateStrategy with a fake trained strategy', () => {
  it('fills every docs/contract.md §2 field from three predict calls', async () => {
    const trained = fakeTrained();
    const e = await evaluateStrategy(trained, {
      tasks,
      testIndices: split.testIndices,
      seed: 1,
      resamples: 100,
    });
    expect(trained.calls).toBe(3); // held-out rows, probes, sweep
    expect(e).toMatchObject({ id: 'weighted-loss', label: '4. Weighted loss', trainMs: 12.5 });
    expect(e.test.n).toBe(split.testIndices.length);
    expect(e.test.intervals.auc.resamples).toBe(100);
    expect(e.test.timeMaeSeconds).toBeGreaterThan(0);
    expect(e.distribution.counts).toHaveLength(20);
    expect(e.responseProbes).toHaveLength(3);
    expect(e.perUser).toHaveLength(3);
    expect(e.generalisation.topics).toEqual(['Algebra', 'Calculus', 'Geometry']);
    expect(e.phases[0]?.losses).toEqual([0.5]);
    expect(e.reliability).toHaveLength(10);
    expect(e.verdicts.responsive).toBe(true);
    expect(e.responseViolations).toEqual([]);
    // The fake predicts 45 s for every row: one predicted-time column holds every held-out row.
    expect(e.timeScatter.n).toBe(split.testIndices.length);
    const column = e.timeScatter.counts.map((row) => row[5] ?? 0).reduce((a, b) => a + b, 0);
    expect(column).toBe(split.testIndices.length);
  });

  it('judges with the given thresholds, defaults for the rest', async () => {
    // User 0's predictions vary by topic; everyone else gets 0.5 everywhere: ratio +∞.
    const flat = fakeTrained((c) =>
      c.userId === 'user0@example.com'
        ? 0.3 + 0.1 * (c.history[9] as number) + (c.topic === 'Geometry' ? 0.2 : 0)
        : 0.5,
    );
    const data = { tasks, testIndices: split.testIndices, seed: 1, resamples: 20 };
    const byDefault = await evaluateStrategy(flat, data);
    expect(byDefault.varianceRatio).toBe(Infinity);
    expect(byDefault.verdicts.generalizes).toBe(false);
    const custom = await evaluateStrategy(flat, {
      ...data,
      thresholds: { maxVarianceRatio: Infinity, minDistinctPercent: 101 },
    });
    expect(custom.verdicts).toMatchObject({ generalizes: true, continuous: false });
    expect(resolveThresholds({ maxVarianceRatio: 5, minDistinctPercent: undefined })).toEqual({
      ...DEFAULT_THRESHOLDS,
      maxVarianceRatio: 5,
    });
  });

  it('stops between passes when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const data = { tasks, testIndices: split.testIndices, seed: 1, signal: controller.signal };
    await expect(evaluateStrategy(fakeTrained(), data)).rejects.toThrow();
  });
});
