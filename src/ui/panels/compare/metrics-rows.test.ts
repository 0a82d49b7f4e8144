import { beforeAll, describe, expect, it } from 'vitest';
import type { Report, ReportStrategyOk } from '../../../core/report/report-types';
import { comparison, realReport, sixStrategies } from '../../../core/report/report.test-helper';
import { CATALOGUE } from '../../../core/strategies/catalogue';
import { dashReasons, metricsRows, sortRows } from './metrics-rows';

// sixStrategies gives its specs to the catalogue's first three, in order.
const [FULL, FIXES, BALANCED] = CATALOGUE.map((s) => s.id);
let report: Report;
beforeAll(async () => {
  const base = await realReport();
  const six = sixStrategies(base, [
    { continuous: true, responsive: false, generalizes: true, macroLogLoss: 0.5, seeds: 3 },
    { continuous: true, responsive: true, generalizes: true, macroLogLoss: 0.3, seeds: 3 },
    { continuous: false, responsive: true, generalizes: true, macroLogLoss: 0.4, seeds: 3 },
  ]);
  // Distinct AUC means so the best is unambiguous.
  const strategies = six.strategies.map((s, i) =>
    s.status === 'ok'
      ? ({
          ...s,
          summary: { ...s.summary, auc: { mean: 0.6 + i / 10, sd: null, lo: 0.5, hi: 0.9 } },
        } as ReportStrategyOk)
      : s,
  );
  report = {
    ...six,
    strategies,
    comparisons: [
      comparison('architecture-fixes', 'full-retrain', 'userLogLoss', -0.2, -0.3, -0.1),
      comparison('architecture-fixes', 'constant-rate', 'userLogLoss', -0.05, -0.1, -0.01),
      comparison('full-retrain', 'constant-rate', 'userLogLoss', 0.1, 0.02, 0.2),
    ],
  };
});

describe('metricsRows', () => {
  it('has one row per strategy then the references, with intervals, best marks and verdicts', () => {
    const rows = metricsRows(report);
    expect(rows.map((r) => [r.id, r.kind])).toEqual([
      ['full-retrain', 'strategy'],
      ['architecture-fixes', 'strategy'],
      ['balanced-sampling', 'strategy'],
      ['constant-rate', 'reference'],
      ['recorded', 'reference'],
    ]);
    const [full, fixes, balanced] = rows;
    expect(fixes?.cells.userLogLoss).toMatchObject({ value: 0.3, best: true });
    expect(full?.cells.userLogLoss?.best).toBeUndefined();
    expect(balanced?.cells.auc).toMatchObject({ value: 0.8, lo: 0.5, hi: 0.9, best: true });
    expect(fixes?.cells.vsFull).toMatchObject({ value: -0.2, lo: -0.3, hi: -0.1, verdict: 'better' });
    expect(fixes?.vsConstant).toBe('better');
    expect(full?.vsConstant).toBe('worse');
    expect(balanced?.cells.vsConstant?.dash).toBe('notCompared');
    expect(full?.cells.vsFull?.dash).toBe('isReference');
    expect(full?.cells.n?.value).toBe(15);
  });

  it('explains every dash: the recorded row has no time, real data has no truth', () => {
    const rows = metricsRows(report);
    const recorded = rows.find((r) => r.id === 'recorded');
    expect(recorded?.cells.timeMae).toMatchObject({ value: null, dash: 'noTime' });
    const real = metricsRows({ ...report, dataset: { ...report.dataset, hasTrueP: false }, recorded: null });
    const stripped = real.map((r) => ({
      ...r,
      cells: { ...r.cells, rmse: r.cells.rmse && { ...r.cells.rmse, value: null, dash: 'noTrueP' as const } },
    }));
    expect(dashReasons(stripped)).toContain('noTrueP');
    for (const row of rows)
      for (const cell of Object.values(row.cells))
        if (cell && cell.value === null) expect(cell.dash).toBeDefined();
  });

  it('sorts strategies by a column, missing values last, references kept at the bottom', () => {
    const rows = metricsRows(report);
    expect(sortRows(rows, 'userLogLoss', true).map((r) => r.id)).toEqual([
      FIXES,
      BALANCED,
      FULL,
      'constant-rate',
      'recorded',
    ]);
    expect(
      sortRows(rows, 'auc', false)
        .map((r) => r.id)
        .slice(0, 3),
    ).toEqual([BALANCED, FIXES, FULL]);
    expect(
      sortRows(rows, 'vsFull', true)
        .map((r) => r.id)
        .slice(0, 3),
    ).toEqual([FIXES, FULL, BALANCED]);
  });
});
