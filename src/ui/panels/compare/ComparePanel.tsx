/**
 * Step 4: every trained strategy side by side — the seeds and whether the entries mix runs, the metrics
 * table with intervals and the three checks (live, as each strategy finishes), the forest plot of paired
 * differences, per-user log loss, the comparison charts (redrawn when a run ends) — "Download report",
 * the metrics as CSV and the held-out predictions as CSV. With "Mask user IDs" on, everything shown and
 * downloaded carries the masked ids.
 */
import { useMemo, useState } from 'react';
import { seedsText } from '../../../core/report/format-figures';
import { downloadText } from '../../../platform/download';
import { activeMask, chartedReport, displayReport, metricsCsv } from '../../../store/report-selectors';
import { strategyList } from '../../../store/strategy-selectors';
import { useLab } from '../../common/lab-store-context';
import { useHeldWhile } from '../../common/use-held-while';
import { ComparisonCharts } from './ComparisonCharts';
import { ComparisonForest } from './ComparisonForest';
import { MetricsTable } from './MetricsTable';
import { PerUserLossTable } from './PerUserLossTable';
import './compare.css';

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
  const predictionsHeld = useLab((s) => s.predictionsHeld);
  const predictionsCsv = useLab((s) => s.predictionsCsv);
  const [predictionsNote, setPredictionsNote] = useState<string>();
  // Charts get ids already masked, so they never see (or draw) a real one.
  const ids = useMemo(() => listed.map((m) => m.id), [listed]);
  const charted = chartedReport(chartFrame, chartResults, ids, mask);
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
      metricsCsv(report),
      'text/csv',
    );
  const downloadPredictions = async () => {
    setPredictionsNote(undefined);
    const file = await predictionsCsv();
    if ('message' in file) setPredictionsNote(file.message);
    else downloadText(file.fileName, file.csv, 'text/csv');
  };
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
          <button
            type="button"
            onClick={() => void downloadPredictions()}
            disabled={running || !predictionsHeld}
            title={predictionsHeld ? undefined : 'Held-out predictions are kept for runs of this visit only'}
          >
            Download predictions (CSV)
          </button>
        </div>
      </div>
      <p className="hint" data-testid="compare-run">
        {seedsText(report.seeds)} · backend {report.backend} · validation {report.validation.mode}{' '}
        {report.validation.share}
        {report.mixedRuns && ' · results from different runs'}
      </p>
      {report.mixedRuns && (
        <div className="callout" role="note" aria-label="Results from different runs">
          {report.mixedRuns.notes.map((n) => (
            <p key={n}>{n}</p>
          ))}
        </div>
      )}
      {predictionsNote && <p className="alert__refusal">{predictionsNote}</p>}
      <MetricsTable report={report} />
      <PerUserLossTable report={report} />
      <ComparisonForest report={report} />
      {charted.entries.length > 0 ? (
        <ComparisonCharts entries={charted.entries} users={charted.users} thresholds={thresholds} />
      ) : (
        <p className="hint">The charts appear when the run ends.</p>
      )}
    </section>
  );
}
