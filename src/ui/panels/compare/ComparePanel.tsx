/**
 * Step 4: every trained strategy side by side — the metrics table with the three checks (live, as each
 * strategy finishes), the comparison charts (redrawn when a run ends) — and "Download report".
 */
import { useMemo } from 'react';
import { composeReport } from '../../../core/report/compose-report';
import { downloadText } from '../../../platform/download';
import { currentReport } from '../../../store/report-selectors';
import { useLab } from '../../common/lab-store-context';
import { useHeldWhile } from '../../common/use-held-while';
import { ComparisonCharts } from './ComparisonCharts';
import { MetricsTable } from './MetricsTable';

export function ComparePanel() {
  const running = useLab((s) => s.runId !== undefined);
  const frame = useLab((s) => s.reportFrame);
  const results = useLab((s) => s.results);
  const catalog = useLab((s) => s.catalog);
  const thresholds = useLab((s) => s.thresholds);
  // Charts redraw once when a run ends, not on every finished strategy: the page stays responsive.
  const chartResults = useHeldWhile(results, running);
  const report = currentReport({ reportFrame: frame, results, catalog });
  const charted = useMemo(
    () =>
      frame
        ? composeReport(
            frame,
            chartResults,
            catalog.map((m) => m.id),
          ).strategies
        : [],
    [frame, chartResults, catalog],
  );
  const users = useMemo(() => frame?.dataset.users.map((u) => u.userId) ?? [], [frame]);
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
      `retrain-lab-report-${report.generatedAt.slice(0, 10)}-seed${report.seed}.json`,
      `${JSON.stringify(report, null, 2)}\n`,
    );
  return (
    <section className="panel" aria-labelledby="compare-heading">
      <div className="panel__head">
        <h2 id="compare-heading">4. Compare</h2>
        <button type="button" onClick={download}>
          Download report
        </button>
      </div>
      <p className="hint">
        Seed {report.seed} · backend {report.backend} · validation {report.validation.mode}{' '}
        {report.validation.share}
      </p>
      <MetricsTable report={report} />
      {charted.length > 0 ? (
        <ComparisonCharts entries={charted} users={users} thresholds={thresholds} />
      ) : (
        <p className="hint">The charts appear when the run ends.</p>
      )}
    </section>
  );
}
