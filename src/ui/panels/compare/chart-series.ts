/**
 * Reshapes report entries into the rows each comparison chart draws (charts stay dumb): one series per
 * strategy that trained, in report order, coloured by strategy id.
 */
import type {
  Report,
  ReportComparison,
  ReportStrategy,
  ReportStrategyOk,
} from '../../../core/report/report-types';
import type {
  ForestRow,
  HistogramSeries,
  ReliabilitySeries,
  StrategySeries,
  TimeScatterSeries,
  UserDotSeries,
  UserSpreadSeries,
} from '../../charts/chart-types';
import { ratioExceeds, ratioText } from '../../charts/chart-theme';

export const trainedEntries = (entries: readonly ReportStrategy[]): ReportStrategyOk[] =>
  entries.filter((e): e is ReportStrategyOk => e.status === 'ok');

const identity = (e: ReportStrategyOk): StrategySeries => ({ id: e.id, label: e.label });

export function histogramSeries(entries: readonly ReportStrategy[]): HistogramSeries[] {
  return trainedEntries(entries).map((e) => ({
    ...identity(e),
    counts: e.distribution.counts,
    saturatedShare: e.distribution.saturatedShare,
    distinctPercent: e.distribution.distinctPercent,
    n: e.test.n,
  }));
}

export function spreadSeries(entries: readonly ReportStrategy[]): UserSpreadSeries[] {
  return trainedEntries(entries).map((e) => ({
    ...identity(e),
    perUser: e.perUser.map(({ userId, std }) => ({ userId, std })),
    // Infinite ratios travel as null in the JSON report, which the chart draws as ∞.
    varianceRatio: e.varianceRatioInfinite ? null : e.varianceRatio,
  }));
}

export function reliabilitySeries(entries: readonly ReportStrategy[]): ReliabilitySeries[] {
  return trainedEntries(entries).map((e) => ({ ...identity(e), bins: e.reliability }));
}

/** Each strategy's per-user spread as dots, with its variance ratio (and ✓/✗ against the limit) under it. */
export function spreadDots(entries: readonly ReportStrategy[], maxVarianceRatio: number): UserDotSeries[] {
  return spreadSeries(entries).map((s) => {
    const over = ratioExceeds(s.varianceRatio, maxVarianceRatio);
    return {
      id: s.id,
      label: s.label,
      values: s.perUser.map((u) => ({ userId: u.userId, value: u.std })),
      footer: `ratio ${ratioText(s.varianceRatio)} ${over ? `✗ > ${maxVarianceRatio}` : '✓'}`,
      footerWarn: over,
    };
  });
}

/** Each strategy's mean absolute time error per user (held-out rows), with the overall one under it. */
export function timeErrorDots(entries: readonly ReportStrategy[]): UserDotSeries[] {
  return trainedEntries(entries).map((e) => ({
    ...identity(e),
    values: e.testPerUser.map((u) => ({ userId: u.userId, value: u.timeMaeSeconds })),
    footer: e.test.timeMaeSeconds === null ? 'overall –' : `overall ${e.test.timeMaeSeconds.toFixed(1)} s`,
  }));
}

/** Share of rows whose predicted time falls in the actual time's bin or a neighbouring one. */
export function nearDiagonalShare(counts: readonly (readonly number[])[], n: number): number | null {
  if (n === 0) return null;
  let near = 0;
  counts.forEach((row, a) => row.forEach((c, p) => (near += Math.abs(a - p) <= 1 ? c : 0)));
  return near / n;
}

/** Each strategy's binned predicted-against-actual seconds (reports made before it are left out). */
export function timeScatterSeries(entries: readonly ReportStrategy[]): TimeScatterSeries[] {
  return trainedEntries(entries).flatMap((e) =>
    e.timeScatter
      ? [
          {
            ...identity(e),
            ...e.timeScatter,
            maeSeconds: e.test.timeMaeSeconds,
            medianAbsErrorSeconds: e.test.timeMedianAbsErrorSeconds,
            nearDiagonalShare: nearDiagonalShare(e.timeScatter.counts, e.timeScatter.n),
          },
        ]
      : [],
  );
}

/**
 * The forest plot's rows: each trained strategy's paired difference against `against` (a strategy id or
 * "constant-rate") on `metric`, in report order; the reference itself and strategies without a
 * comparison are left out.
 */
export function forestRows(report: Report, against: string, metric: ReportComparison['metric']): ForestRow[] {
  return trainedEntries(report.strategies).flatMap((e) => {
    const c = report.comparisons.find(
      (x) => x.strategy === e.id && x.against === against && x.metric === metric,
    );
    return c ? [{ ...identity(e), difference: c.difference, lo: c.lo, hi: c.hi, verdict: c.verdict }] : [];
  });
}
