/**
 * Derived views of the store: the report as it stands (the latest run's frame plus each strategy's
 * latest result). Kept out of state so it can never disagree with its parts.
 */
import { composeReport } from '../core/report/compose-report';
import type { Report } from '../core/report/report-types';
import type { LabState } from './create-lab-store';

export function currentReport(
  state: Pick<LabState, 'reportFrame' | 'results' | 'catalog'>,
): Report | undefined {
  if (!state.reportFrame || Object.keys(state.results).length === 0) return undefined;
  return composeReport(
    state.reportFrame,
    state.results,
    state.catalog.map((m) => m.id),
  );
}
