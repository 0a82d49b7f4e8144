/**
 * Step 4: every trained strategy side by side — metrics with the three checks, prediction histograms,
 * per-user spread, the response probe for a chosen user, reliability — and "Download report".
 */
import { useState } from 'react';
import { PredictionHistograms } from '../../charts/PredictionHistograms';
import { ReliabilityChart } from '../../charts/ReliabilityChart';
import { ResponseProbeChart } from '../../charts/ResponseProbeChart';
import { UserSpreadBars } from '../../charts/UserSpreadBars';
import { useLab } from '../../common/lab-store-context';
import { currentReport } from '../../../store/report-selectors';
import { downloadText } from '../../../platform/download';
import { histogramSeries, probeSeries, probeUsers, reliabilitySeries, spreadSeries } from './chart-series';
import { MetricsTable } from './MetricsTable';

export function ComparePanel() {
  const frame = useLab((s) => s.reportFrame);
  const results = useLab((s) => s.results);
  const catalog = useLab((s) => s.catalog);
  const thresholds = useLab((s) => s.thresholds);
  const [chosenUser, setChosenUser] = useState<string>();
  const report = currentReport({ reportFrame: frame, results, catalog });
  if (!report) {
    return (
      <section className="panel" aria-labelledby="compare-heading">
        <h2 id="compare-heading">4. Compare</h2>
        <p className="hint">Train the strategies to compare them here.</p>
      </section>
    );
  }
  const entries = report.strategies;
  const users = probeUsers(report, entries);
  const user = chosenUser && users.includes(chosenUser) ? chosenUser : users[0];
  const probe = entries.find((e) => e.status === 'ok')?.responseProbes.find((p) => p.userId === user);
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
      <PredictionHistograms
        series={histogramSeries(entries)}
        maxSaturatedShare={thresholds.maxSaturatedShare}
      />
      <UserSpreadBars
        series={spreadSeries(entries)}
        users={report.dataset.users.map((u) => u.userId)}
        maxVarianceRatio={thresholds.maxVarianceRatio}
      />
      {user && probe && (
        <div>
          <label className="field">
            Probe user
            <select value={user} onChange={(e) => setChosenUser(e.target.value)}>
              {users.map((u) => (
                <option key={u} value={u}>
                  {u}
                </option>
              ))}
            </select>
          </label>
          <ResponseProbeChart
            series={probeSeries(entries, user)}
            userId={user}
            topic={probe.topic}
            difficulty={probe.difficulty}
          />
        </div>
      )}
      <ReliabilityChart series={reliabilitySeries(entries)} />
    </section>
  );
}
