/**
 * A report as the lab holds it: the frame of a run (dataset, split, baseline, seed, backend) and the
 * latest result of each strategy, kept until that strategy is re-run. Composing them gives the same
 * docs/contract.md §2 document the CLI writes, in registry order.
 */
import type { Report, ReportStrategy } from './report-types';

export type ReportFrame = Omit<Report, 'strategies'>;

export function frameOf(report: Report): ReportFrame {
  const { strategies: _strategies, ...frame } = report;
  return frame;
}

/** `order` is the registry order of strategy ids; results of ids not in it are appended. */
export function composeReport(
  frame: ReportFrame,
  results: Record<string, ReportStrategy>,
  order: readonly string[],
): Report {
  const ids = [
    ...order.filter((id) => results[id]),
    ...Object.keys(results).filter((id) => !order.includes(id)),
  ];
  return { ...frame, strategies: ids.map((id) => results[id] as ReportStrategy) };
}
