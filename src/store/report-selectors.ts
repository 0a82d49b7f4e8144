/**
 * Derived views of the store: the report as it stands (the latest run's frame plus each strategy's
 * latest result), and everything the page shows of users as displayed — masked ("User A", …) when
 * "Mask user IDs" is on. Kept out of state so they can never disagree with their parts; memoised on
 * their inputs so components subscribing to them re-render only when those change.
 */
import { composeReport } from '../core/report/compose-report';
import {
  labelFor,
  maskImportReport,
  maskMessage,
  maskReport,
  maskSummary,
  maskText,
  userLabels,
  type UserLabels,
} from '../core/report/mask-ids';
import { recommendStrategy, type Recommendation } from '../core/report/recommend-strategy';
import { reportCsv } from '../core/report/report-csv';
import type { Report, ReportStrategy } from '../core/report/report-types';
import type { LabState } from './create-lab-store';

export function currentReport(
  state: Pick<LabState, 'reportFrame' | 'results' | 'catalog' | 'comparisons'> &
    Partial<Pick<LabState, 'ownStrategies'>>,
): Report | undefined {
  if (!state.reportFrame || Object.keys(state.results).length === 0) return undefined;
  // The six in catalogue order, then own strategies in theirs.
  return composeReport(
    state.reportFrame,
    state.results,
    [...state.catalog.map((m) => m.id), ...(state.ownStrategies ?? []).map((o) => o.id)],
    state.comparisons,
  );
}

/** Remembers the last result and returns it while every argument is the same (by reference). */
function memoLast<A extends readonly unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | undefined;
  return (...args: A) => {
    if (last && last.args.length === args.length && args.every((a, i) => a === last?.args[i])) {
      return last.result;
    }
    const result = fn(...args);
    last = { args, result };
    return result;
  };
}

const labelsOf = memoLast((summary: LabState['summary'], frame: LabState['reportFrame']) =>
  // The dataset's users, largest share first (so the dominant user is User A); a report's users follow.
  userLabels([
    ...(summary?.users.map((u) => u.userId) ?? []),
    ...(frame?.dataset.users.map((u) => u.userId) ?? []),
  ]),
);

/** The labels in force: undefined when masking is off. */
export const activeMask = (state: LabState): UserLabels | undefined =>
  state.maskIds ? labelsOf(state.summary, state.reportFrame) : undefined;

const labelFn = memoLast(
  (mask: UserLabels | undefined) =>
    (userId: string): string =>
      mask ? labelFor(mask, userId) : userId,
);

/** Turns a user id into what the page shows for it (its label when masked, else itself). */
export const displayUserId = (state: LabState): ((userId: string) => string) => labelFn(activeMask(state));

const displayTextFn = memoLast(
  (mask: UserLabels | undefined) =>
    (text: string): string =>
      mask ? maskMessage(text, mask) : text,
);

/** A message of the lab that may name users (errors, notices, refusals) as the page shows it. */
export const displayText = (state: LabState): ((text: string) => string) => displayTextFn(activeMask(state));

const displayNameFn = memoLast(
  (mask: UserLabels | undefined) =>
    (text: string): string =>
      mask ? maskText(text, mask) : text,
);

/** Text people wrote that may hold ids (a file name) as the page shows it. */
export const displayName = (state: LabState): ((text: string) => string) => displayNameFn(activeMask(state));

const summaryOf = memoLast((summary: LabState['summary'], mask: UserLabels | undefined) =>
  summary && mask ? maskSummary(summary, mask) : summary,
);

export const displaySummary = (state: LabState) => summaryOf(state.summary, activeMask(state));

const importReportOf = memoLast((report: LabState['importReport'], mask: UserLabels | undefined) =>
  report && mask ? maskImportReport(report, mask) : report,
);

export const displayImportReport = (state: LabState) => importReportOf(state.importReport, activeMask(state));

const reportOf = memoLast(
  (
    frame: LabState['reportFrame'],
    results: LabState['results'],
    catalog: LabState['catalog'],
    comparisons: LabState['comparisons'],
    ownStrategies: LabState['ownStrategies'],
    mask: UserLabels | undefined,
  ): Report | undefined => {
    const report = currentReport({ reportFrame: frame, results, catalog, comparisons, ownStrategies });
    return report && mask ? maskReport(report, mask) : report;
  },
);

/** The report as shown and downloaded: masked when "Mask user IDs" is on. */
export const displayReport = (state: LabState): Report | undefined =>
  reportOf(
    state.reportFrame,
    state.results,
    state.catalog,
    state.comparisons,
    state.ownStrategies,
    activeMask(state),
  );

const recommendationOf = memoLast((report: Report | undefined) =>
  report ? recommendStrategy(report) : undefined,
);

/** The recommendation for the report as shown (masking changes no verdict, only names). */
export const displayRecommendation = (state: LabState): Recommendation | undefined =>
  recommendationOf(displayReport(state));

/**
 * What the comparison charts draw: the entries and users of the report made from the given frame and
 * results (the page holds those still while a run goes on, so charts redraw once when it ends), masked
 * when a mask is given — charts never see a real id then.
 */
export const chartedReport = memoLast(
  (
    frame: LabState['reportFrame'],
    results: LabState['results'],
    ids: readonly string[],
    mask: UserLabels | undefined,
  ): { entries: ReportStrategy[]; users: string[] } => {
    if (!frame) return { entries: [], users: [] };
    const composed = composeReport(frame, results, [...ids]);
    const shown = mask ? maskReport(composed, mask) : composed;
    return { entries: shown.strategies, users: shown.dataset.users.map((u) => u.userId) };
  },
);

/**
 * The metrics table as CSV, of the report as shown (masked when asked; formula-like text neutralised).
 * Made when the download is asked for, not as a selector: a selector ran at every store change, and on the
 * 1M-row / 10,000-user file each strategy's result cost the page 0.1–0.3 s of CSV.
 */
export const metricsCsv = memoLast((report: Report) => reportCsv(report));
