import { describe, expect, it } from 'vitest';
import { reportCsv } from './report-csv';
import type { Report } from './report-types';
import { realReport } from './report.test-helper';

describe('reportCsv', () => {
  it('has an all-users row and a row per user for each strategy, and neutralises formula-like ids', async () => {
    const report: Report = await realReport();
    const strategy = report.strategies.find((s) => s.status === 'ok');
    if (!strategy || strategy.status !== 'ok') throw new Error('fixture has no trained strategy');
    strategy.testPerUser = [{ ...strategy.test, userId: '=HYPERLINK("http://x","y")' }];
    const lines = reportCsv(report).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^strategy_id,strategy,user_id,held_out_rows,auc,log_loss/);
    expect(lines).toContainEqual(expect.stringContaining(`,(all users),${strategy.test.n},`));
    expect(lines).toContainEqual(expect.stringContaining(`,"'=HYPERLINK(""http://x"",""y"")",`));
    expect(lines.some((l) => /,=/.test(l))).toBe(false);
  });
});
