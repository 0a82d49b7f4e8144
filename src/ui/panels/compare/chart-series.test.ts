import { describe, expect, it } from 'vitest';
import type { Report, ReportStrategy } from '../../../core/report/report-types';
import {
  forestRows,
  histogramSeries,
  probeSeries,
  probeUsers,
  reliabilitySeries,
  spreadSeries,
} from './chart-series';

const ok = (id: string, extra: object) =>
  ({
    status: 'ok',
    id,
    label: id.toUpperCase(),
    test: { n: 10 },
    distribution: { counts: [10], saturatedShare: 0.1, distinctPercent: 4 },
    perUser: [{ userId: 'a', n: 15, mean: 0.5, std: 0.2 }],
    varianceRatio: 2,
    varianceRatioInfinite: false,
    responseProbes: [
      { userId: 'a', topic: 'T', difficulty: 'easy', afterCorrect: [0.5, 0.6], afterIncorrect: [0.5, 0.4] },
    ],
    reliability: [{ binLower: 0, binUpper: 0.1, n: 1, meanPredicted: 0.05, observedRate: 0 }],
    ...extra,
  }) as unknown as ReportStrategy;
const failed = {
  status: 'failed',
  id: 'progressive',
  label: 'P',
  options: {},
  trainMs: 1,
  error: 'boom',
} as ReportStrategy;

describe('chart series', () => {
  const entries = [
    ok('full-retrain', { varianceRatio: null, varianceRatioInfinite: true }),
    failed,
    ok('per-user', { responseProbes: [] }),
  ];

  it('draws only strategies that trained, in report order', () => {
    expect(histogramSeries(entries).map((s) => [s.id, s.n, s.saturatedShare])).toEqual([
      ['full-retrain', 10, 0.1],
      ['per-user', 10, 0.1],
    ]);
    expect(reliabilitySeries(entries).map((s) => s.bins.length)).toEqual([1, 1]);
  });

  it('keeps an infinite variance ratio as null (drawn as ∞)', () => {
    expect(spreadSeries(entries).map((s) => s.varianceRatio)).toEqual([null, 2]);
  });

  it("selects one user's probe and lists probed users in dataset order", () => {
    expect(probeSeries(entries, 'a').map((s) => s.id)).toEqual(['full-retrain']);
    expect(probeUsers(['b', 'a'], entries)).toEqual(['a']);
  });
});

describe('forestRows', () => {
  it('takes each trained strategy’s comparison against the reference on the metric, leaving out the rest', () => {
    const report = {
      strategies: [ok('full-retrain', {}), ok('weighted-loss', {}), failed],
      comparisons: [
        {
          strategy: 'weighted-loss',
          against: 'full-retrain',
          metric: 'userLogLoss',
          difference: -0.02,
          lo: -0.05,
          hi: 0.01,
          verdict: 'no detectable difference',
        },
        {
          strategy: 'weighted-loss',
          against: 'full-retrain',
          metric: 'auc',
          difference: 0.1,
          lo: 0.05,
          hi: 0.15,
          verdict: 'better',
        },
        {
          strategy: 'full-retrain',
          against: 'constant-rate',
          metric: 'userLogLoss',
          difference: 0.3,
          lo: 0.1,
          hi: 0.5,
          verdict: 'worse',
        },
      ],
    } as unknown as Report;
    expect(forestRows(report, 'full-retrain', 'userLogLoss')).toEqual([
      {
        id: 'weighted-loss',
        label: 'WEIGHTED-LOSS',
        difference: -0.02,
        lo: -0.05,
        hi: 0.01,
        verdict: 'no detectable difference',
      },
    ]);
    expect(forestRows(report, 'constant-rate', 'userLogLoss').map((r) => [r.id, r.verdict])).toEqual([
      ['full-retrain', 'worse'],
    ]);
  });
});
