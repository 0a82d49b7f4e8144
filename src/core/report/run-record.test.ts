import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../evaluation/verdicts';
import {
  change,
  nextRunName,
  pairStrategies,
  settingChanges,
  summarizeStrategies,
  type RunRecord,
} from './run-record';
import { realReport } from './report.test-helper';

const run = (over: Partial<RunRecord['settings']> = {}, fingerprint = 'sha256:a'): RunRecord => ({
  id: 'r',
  name: 'Run 1',
  startedAt: '2026-12-01T10:00:00.000Z',
  durationMs: 1000,
  outcome: 'complete',
  requested: ['weighted-loss'],
  dataset: { fileName: 'a.csv', fingerprint, rows: 10, users: 2 },
  settings: {
    seed: 42,
    backend: 'auto',
    workers: 'auto',
    thresholds: { ...DEFAULT_THRESHOLDS },
    options: { 'weighted-loss': { epochs: 50, learningRate: 0.001 } },
    ...over,
  },
  strategies: [],
});

describe('run records', () => {
  it('keep each strategy’s headline numbers over its seeds, with their intervals', async () => {
    const report = await realReport();
    const entry = report.strategies[0];
    if (entry?.status !== 'ok') throw new Error('expected a trained entry');
    const { seed, seeds, backend, trainedAt, thresholds, validation } = entry;
    const run = { seed, seeds, backend, trainedAt, thresholds, validation };
    const [summary] = summarizeStrategies([
      entry,
      {
        ...run,
        status: 'failed',
        id: 'per-user',
        label: '6',
        options: {},
        trainMs: 3,
        error: 'out of memory',
      },
    ]).slice(0, 1);
    expect(summary?.auc).toEqual({
      value: entry.summary.auc.mean,
      lo: entry.summary.auc.lo,
      hi: entry.summary.auc.hi,
    });
    expect(summary?.logLoss?.lo).toBeLessThanOrEqual(summary?.logLoss?.value ?? NaN);
    expect(summary?.userLogLoss).toBe(entry.summary.userLogLoss.mean);
    expect(summary?.verdicts).toEqual(entry.verdicts);
    const failed = summarizeStrategies([
      {
        ...run,
        status: 'failed',
        id: 'per-user',
        label: '6',
        options: {},
        trainMs: 3,
        error: 'out of memory',
      },
    ]);
    expect(failed).toEqual([
      { id: 'per-user', label: '6', status: 'failed', error: 'out of memory', trainMs: 3 },
    ]);
  });

  it('say in words which settings changed from the run before', () => {
    expect(settingChanges(undefined, run())).toEqual([]);
    expect(settingChanges(run(), run())).toEqual([]);
    const next = run({
      seed: 7,
      options: { 'weighted-loss': { epochs: 5, learningRate: 0.001 }, progressive: { epochs: 1 } },
    });
    expect(settingChanges(run(), next, (id) => (id === 'weighted-loss' ? '4. Weighted loss' : id))).toEqual([
      { what: 'seed', from: '42', to: '7' },
      { what: '4. Weighted loss: epochs', from: '50', to: '5' },
      { what: 'progressive', from: 'not trained', to: 'trained' },
    ]);
    expect(settingChanges(next, run())).toContainEqual({
      what: 'progressive',
      from: 'trained',
      to: 'not trained',
    });
    // Between two presets the preset is the change, not each option it implies.
    const quick = run({ preset: 'quick', options: { 'weighted-loss': { epochs: 5, learningRate: 0.001 } } });
    expect(settingChanges(run({ preset: 'lab' }), quick)).toEqual([
      { what: 'preset', from: 'lab', to: 'quick' },
    ]);
    expect(settingChanges(run(), quick, undefined, (k) => k.toUpperCase())).toEqual([
      { what: 'weighted-loss: EPOCHS', from: '50', to: '5' },
    ]);
    const other = { ...run(), dataset: { ...run().dataset, fileName: 'b.csv', fingerprint: 'sha256:b' } };
    expect(settingChanges(run(), other)).toEqual([{ what: 'data', from: 'a.csv', to: 'b.csv' }]);
  });

  it('number new runs after the highest kept', () => {
    expect(nextRunName([])).toBe('Run 1');
    expect(nextRunName([{ name: 'Run 3' }, { name: 'baseline' }])).toBe('Run 4');
    expect(nextRunName([{ name: 'a' }, { name: 'b' }])).toBe('Run 3');
  });

  it('pair two runs’ strategies side by side, with B − A where both exist', () => {
    const s = (id: string, logLoss: number) => ({
      id,
      label: id.toUpperCase(),
      status: 'ok' as const,
      trainMs: 1,
      logLoss: { value: logLoss, lo: null, hi: null },
    });
    const a = { ...run(), strategies: [s('x', 0.5), s('y', 0.6)] };
    const b = { ...run(), strategies: [s('y', 0.55), s('z', 0.4)] };
    const pairs = pairStrategies(a, b);
    expect(pairs.map((p) => [p.id, p.a?.id, p.b?.id])).toEqual([
      ['x', 'x', undefined],
      ['y', 'y', 'y'],
      ['z', undefined, 'z'],
    ]);
    expect(change(pairs[1]?.a?.logLoss?.value, pairs[1]?.b?.logLoss?.value)).toBeCloseTo(-0.05);
    expect(change(pairs[0]?.a?.logLoss?.value, pairs[0]?.b?.logLoss?.value)).toBeNull();
  });
});
