/**
 * Masking for the parts of a version-2 report that mask-ids.ts does not know: the "Simulator truth" row
 * carries user ids (per-user scores, spreads, probes). Ids are mapped only through mask-ids' own labels
 * (labelFor), so there is one masking table; maskFullReport = maskReport plus these parts.
 */
import { labelFor, maskReport, type UserLabels } from './mask-ids';
import type { Report, ReportTruth } from './report-types';

export function maskTruth(truth: ReportTruth, labels: UserLabels): ReportTruth {
  const id = (userId: string) => labelFor(labels, userId);
  return {
    ...truth,
    testPerUser: truth.testPerUser.map((u) => ({ ...u, userId: id(u.userId) })),
    groundTruth: truth.groundTruth && {
      ...truth.groundTruth,
      perUser: truth.groundTruth.perUser.map((u) => ({ ...u, userId: id(u.userId) })),
    },
    perUser: truth.perUser.map((u) => ({ ...u, userId: id(u.userId) })),
    responseProbes: truth.responseProbes.map((p) => ({ ...p, userId: id(p.userId) })),
    responseViolations: truth.responseViolations.map((v) => ({ ...v, userId: id(v.userId) })),
  };
}

/** The whole version-2 report, masked: mask-ids' maskReport and the truth row. */
export function maskFullReport(report: Report, labels: UserLabels): Report {
  return { ...maskReport(report, labels), truth: report.truth && maskTruth(report.truth, labels) };
}
