import { describe, expect, it } from 'vitest';
import type { Report, ReportStrategy } from '../../../core/report/report-types';
import {
  forestRows,
  histogramSeries,
  nearDiagonalShare,
  reliabilitySeries,
  spreadDots,
  spreadSeries,
  timeErrorDots,
  timeScatterSeries,
} from './chart-series';

const ok = (id: string, extra: object) =>
  ({
    status: 'ok',
    id,
    label: id.toUpperCase(),
    test: { n: 10, timeMaeSeconds: 11, timeMedianAbsErrorSeconds: 8 },
    distribution: { counts: [10], saturatedShare: 0.1, distinctPercent: 4 },
    perUser: [{ userId: 'a', n: 15, mean: 0.5, std: 0.2 }],
    varianceRatio: 2,
    varianceRatioInfinite: false,
    responseProbes: [
      { userId: 'a', topic: 'T', difficulty: 'easy', afterCorrect: [0.5, 0.6], afterIncorrect: [0.5, 0.4] },
    ],
    reliability: [{ binLower: 0, binUpper: 0.1, n: 1, meanPredicted: 0.05, observedRate: 0 }],
    testPerUser: [{ userId: 'a', timeMaeSeconds: 12.5 }],
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

  it('puts each user on the dot plots, with the ratio or the overall error under each strategy', () => {
    expect(spreadDots(entries, 3).map((s) => [s.values, s.footer, s.footerWarn])).toEqual([
      [[{ userId: 'a', value: 0.2 }], 'ratio ∞ ✗ > 3', true],
      [[{ userId: 'a', value: 0.2 }], 'ratio 2.0× ✓', false],
    ]);
    expect(timeErrorDots(entries).map((s) => [s.values, s.footer])).toEqual([
      [[{ userId: 'a', value: 12.5 }], 'overall 11.0 s'],
      [[{ userId: 'a', value: 12.5 }], 'overall 11.0 s'],
    ]);
  });

  it('passes the binned times on, leaving out reports made before they existed', () => {
    const scatter = {
      edgesSeconds: [2, 5],
      counts: [
        [1, 0, 0],
        [0, 2, 0],
        [0, 0, 1],
      ],
      n: 4,
    };
    const series = timeScatterSeries([ok('full-retrain', { timeScatter: scatter }), ok('per-user', {})]);
    expect(series).toHaveLength(1);
    expect(series[0]).toMatchObject({ ...scatter, maeSeconds: 11, medianAbsErrorSeconds: 8 });
    // Every row within one bin of its actual time: 4 of 4.
    expect(series[0]?.nearDiagonalShare).toBe(1);
    expect(
      nearDiagonalShare(
        [
          [0, 0, 3],
          [0, 0, 0],
          [1, 0, 0],
        ],
        4,
      ),
    ).toBe(0);
    expect(nearDiagonalShare([], 0)).toBeNull();
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
