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
  ProbeSeries,
  ReliabilitySeries,
  StrategySeries,
  UserSpreadSeries,
} from '../../charts/chart-types';

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

/** The probe of one user under every strategy; strategies without a probe for the user are left out. */
export function probeSeries(entries: readonly ReportStrategy[], userId: string): ProbeSeries[] {
  return trainedEntries(entries).flatMap((e) => {
    const probe = e.responseProbes.find((p) => p.userId === userId);
    return probe
      ? [{ ...identity(e), afterCorrect: probe.afterCorrect, afterIncorrect: probe.afterIncorrect }]
      : [];
  });
}

export function reliabilitySeries(entries: readonly ReportStrategy[]): ReliabilitySeries[] {
  return trainedEntries(entries).map((e) => ({ ...identity(e), bins: e.reliability }));
}

/** The users the probe can be shown for, in the given order (the dataset's: most tasks first). */
export function probeUsers(users: readonly string[], entries: readonly ReportStrategy[]): string[] {
  const probed = new Set(trainedEntries(entries).flatMap((e) => e.responseProbes.map((p) => p.userId)));
  return users.filter((u) => probed.has(u));
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
