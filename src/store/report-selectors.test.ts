import { beforeAll, describe, expect, it } from 'vitest';
import { frameOf } from '../core/report/compose-report';
import type { Report } from '../core/report/report-types';
import { realReport } from '../core/report/report.test-helper';
import type { LabState } from './create-lab-store';
import {
  displayImportReport,
  displayRecommendation,
  displayReport,
  displaySummary,
  displayText,
  displayUserId,
} from './report-selectors';

let report: Report;
let state: LabState;
beforeAll(async () => {
  report = await realReport();
  state = {
    summary: {
      fileName: 'tasks.csv',
      users: report.dataset.users.map((u) => ({ ...u, correctRate: 0.5 })),
    },
    importReport: {
      fileName: 'tasks.csv',
      problems: [{ row: 3, column: 'user_id', reason: 'is empty', value: 'user1@example.com' }],
      ignoredColumns: [],
      columnMap: {},
    },
    reportFrame: frameOf(report),
    results: Object.fromEntries(report.strategies.map((s) => [s.id, s])),
    catalog: report.strategies.map((s) => ({ id: s.id, label: s.label })),
    maskIds: false,
  } as unknown as LabState;
});

describe('display selectors', () => {
  it('show real ids while masking is off', () => {
    expect(displayUserId(state)('user0@example.com')).toBe('user0@example.com');
    expect(displayReport(state)?.dataset.users[0]?.userId).toBe('user0@example.com');
    expect(displaySummary(state)).toBe(state.summary);
    expect(displayImportReport(state)).toBe(state.importReport);
  });

  it('mask every id by the dataset order when on, and hand back the same objects until inputs change', () => {
    const masked = { ...state, maskIds: true };
    expect(displayUserId(masked)('user0@example.com')).toBe('User A');
    expect(displayUserId(masked)('user3@example.com')).toBe('User D');
    expect(displayText(masked)('failed for user2@example.com')).toBe('failed for User C');
    const shown = displayReport(masked);
    expect(JSON.stringify(shown)).not.toContain('@');
    expect(displayReport(masked)).toBe(shown);
    expect(displaySummary(masked)?.users.map((u) => u.userId)).toEqual([
      'User A',
      'User B',
      'User C',
      'User D',
    ]);
    expect(displaySummary(masked)).toBe(displaySummary(masked));
    expect(displayImportReport(masked)?.problems[0]?.value).toBe('User B');
    expect(displayRecommendation(masked)).toBe(displayRecommendation(masked));
    expect(displayRecommendation(masked)?.headline).toBe(report.recommendation.headline);
    // Turning masking off again shows the real report.
    expect(displayReport(state)?.dataset.users[0]?.userId).toBe('user0@example.com');
  });
});
