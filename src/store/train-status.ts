/**
 * What the role="status" region says when a run ends. "All strategies trained" (docs/contract.md §4)
 * only when every strategy of the run trained; otherwise the count of each ("5 trained, 1 failed"),
 * so a run with a failure never reads as a success. The failures themselves are listed beside it.
 */
import type { ReportStrategy } from '../core/report/report-types';
import type { RunOutcome } from '../worker/protocol';

export const ALL_TRAINED = 'All strategies trained';

/** The status of a finished run from its entries; `single` is "Train only this" on one card. */
export function finishedStatus(
  entries: readonly Pick<ReportStrategy, 'status' | 'label'>[],
  scope: 'all' | 'single',
): string {
  const failed = entries.filter((e) => e.status === 'failed').length;
  const trained = entries.length - failed;
  if (scope === 'single' && entries.length === 1) {
    const label = entries[0]?.label ?? 'The strategy';
    return failed === 0 ? `${label} trained` : `${label} failed`;
  }
  if (failed === 0) return ALL_TRAINED;
  if (trained === 0)
    return entries.length === 1 ? 'The strategy failed' : `All ${entries.length} strategies failed`;
  return `${trained} trained, ${failed} failed`;
}

/** "Progressive training: training diverged at epoch 3 (…)" for each failed entry, in run order. */
export function failureLines(entries: readonly Pick<RunOutcome, 'label' | 'status' | 'error'>[]): string[] {
  return entries.flatMap((e) => (e.status === 'failed' ? [`${e.label}: ${e.error ?? ''}`] : []));
}
