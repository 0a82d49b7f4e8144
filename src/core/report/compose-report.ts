/**
 * A report as the lab holds it: the frame of the latest run (dataset, split, reference rows, seeds,
 * backend), the latest result of each strategy (kept until that strategy is re-run) and the latest
 * comparisons between them. Composing them gives the docs/contract.md §2b document the CLI writes, in
 * registry order, with whether the entries mix runs and the recommendation.
 */
import { mixedRuns } from './mixed-runs';
import { recommendStrategy, reportRecommendation } from './recommend-strategy';
import type { Report, ReportComparison, ReportStrategy } from './report-types';

export type ReportFrame = Omit<Report, 'strategies' | 'mixedRuns' | 'comparisons' | 'recommendation'>;

export function frameOf(report: Report | ReportFrame): ReportFrame {
  const {
    strategies: _strategies,
    mixedRuns: _mixed,
    comparisons: _comparisons,
    recommendation: _recommendation,
    ...frame
  } = report as Report;
  return frame;
}

/** Comparisons and the entries they were computed on (strategy id → its `trainedAt`). */
export interface ComparisonSet {
  comparisons: ReportComparison[];
  basis: Record<string, string>;
}

/** The comparisons still valid for `entries`: both sides present and not retrained since. */
export function currentComparisons(set: ComparisonSet | undefined, entries: readonly ReportStrategy[]) {
  if (!set) return [];
  const now = new Map<string, string>(
    entries.filter((e) => e.status === 'ok').map((e) => [e.id, e.trainedAt]),
  );
  const valid = (id: string) => id === 'constant-rate' || (now.has(id) && now.get(id) === set.basis[id]);
  return set.comparisons.filter((c) => valid(c.strategy) && valid(c.against));
}

/** Frame + entries + comparisons → the report, with mixedRuns and the recommendation derived. */
export function completeReport(
  frame: ReportFrame,
  strategies: ReportStrategy[],
  comparisons: ReportComparison[],
): Report {
  const partial: Report = {
    ...frame,
    strategies,
    mixedRuns: mixedRuns(strategies),
    comparisons,
    recommendation: {
      choice: null,
      closest: null,
      kind: 'nothing trained',
      headline: '',
      reasons: [],
      minimumDetectableDifference: null,
      candidates: [],
      minPassRate: frame.thresholds.minPassRate,
      heldOutRows: frame.split.testRows,
      seeds: frame.seeds.length,
    },
  };
  return { ...partial, recommendation: reportRecommendation(recommendStrategy(partial)) };
}

/** `order` is the registry order of strategy ids; results of ids not in it are appended. */
export function composeReport(
  frame: ReportFrame,
  results: Record<string, ReportStrategy>,
  order: readonly string[],
  comparisons?: ComparisonSet,
): Report {
  const ids = [
    ...order.filter((id) => results[id]),
    ...Object.keys(results).filter((id) => !order.includes(id)),
  ];
  const strategies = ids.map((id) => results[id] as ReportStrategy);
  return completeReport(frame, strategies, currentComparisons(comparisons, strategies));
}
