/**
 * Step 4: every trained strategy side by side — the metrics table with the three checks (live, as each
 * strategy finishes), the comparison charts (redrawn when a run ends) — "Download report" and the same
 * metrics as CSV. With "Mask user IDs" on, the table, the charts and both downloads carry the masked ids.
 */
import { useMemo } from 'react';
import { composeReport } from '../../../core/report/compose-report';
import { maskReport } from '../../../core/report/mask-ids';
import { reportCsv } from '../../../core/report/report-csv';
import { downloadText } from '../../../platform/download';
import { activeMask, displayReport } from '../../../store/report-selectors';
import { strategyList } from '../../../store/strategy-selectors';
import { useLab } from '../../common/lab-store-context';
import { useHeldWhile } from '../../common/use-held-while';
import { ComparisonCharts } from './ComparisonCharts';
import { MetricsTable } from './MetricsTable';

export function ComparePanel() {
  const running = useLab((s) => s.runId !== undefined);
  const frame = useLab((s) => s.reportFrame);
  const results = useLab((s) => s.results);
  const listed = useLab(strategyList);
  const thresholds = useLab((s) => s.thresholds);
  const mask = useLab(activeMask);
  // Charts redraw once when a run ends, not on every finished strategy: the page stays responsive.
  const chartResults = useHeldWhile(results, running);
  // The frame too: a new run posts its frame first, which would otherwise redraw every chart at the start.
  const chartFrame = useHeldWhile(frame, running);
  const report = useLab(displayReport);
  // Charts get ids already masked, so they never see (or draw) a real one.
  const charted = useMemo(() => {
    if (!chartFrame) return { entries: [], users: [] };
    const composed = composeReport(
      chartFrame,
      chartResults,
      listed.map((m) => m.id),
    );
    const shown = mask ? maskReport(composed, mask) : composed;
    return { entries: shown.strategies, users: shown.dataset.users.map((u) => u.userId) };
  }, [chartFrame, chartResults, listed, mask]);
  if (!report) {
    return (
      <section className="panel" aria-labelledby="compare-heading">
        <h2 id="compare-heading">4. Compare</h2>
        <p className="hint">Train the strategies to compare them here.</p>
      </section>
    );
  }
  const download = () =>
    downloadText(
      `retrain-lab-report-${report.generatedAt.slice(0, 10)}-seed${report.seed}${mask ? '-masked' : ''}.json`,
      `${JSON.stringify(report, null, 2)}\n`,
    );
  // Spreadsheet users get a table; formula-like ids or labels arrive as text (CSV injection).
  const downloadCsv = () =>
    downloadText(
      `retrain-lab-metrics-${report.generatedAt.slice(0, 10)}-seed${report.seed}${mask ? '-masked' : ''}.csv`,
      reportCsv(report),
      'text/csv',
    );
  return (
    <section className="panel" aria-labelledby="compare-heading">
      <div className="panel__head">
        <h2 id="compare-heading">4. Compare</h2>
        <div className="row">
          <button type="button" onClick={download}>
            Download report
          </button>
          <button type="button" onClick={downloadCsv}>
            Download metrics (CSV)
          </button>
        </div>
      </div>
      <p className="hint">
        Seed {report.seed} · backend {report.backend} · validation {report.validation.mode}{' '}
        {report.validation.share}
      </p>
      <MetricsTable report={report} />
      {charted.entries.length > 0 ? (
        <ComparisonCharts entries={charted.entries} users={charted.users} thresholds={thresholds} />
      ) : (
        <p className="hint">The charts appear when the run ends.</p>
      )}
    </section>
  );
}
