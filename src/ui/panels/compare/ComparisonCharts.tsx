/**
 * The comparison charts of step 4, side by side on shared axes: prediction histograms, per-user spread,
 * the response probe for a chosen user, reliability. Memoised: redrawn only when the entries change.
 */
import { memo, useState } from 'react';
import type { VerdictThresholds } from '../../../core/evaluation/verdicts';
import type { ReportStrategy } from '../../../core/report/report-types';
import { PredictionHistograms } from '../../charts/PredictionHistograms';
import { ReliabilityChart } from '../../charts/ReliabilityChart';
import { ResponseProbeChart } from '../../charts/ResponseProbeChart';
import { UserSpreadBars } from '../../charts/UserSpreadBars';
import { histogramSeries, probeSeries, probeUsers, reliabilitySeries, spreadSeries } from './chart-series';

interface Props {
  entries: readonly ReportStrategy[];
  /** Dataset users, most tasks first. */
  users: readonly string[];
  thresholds: VerdictThresholds;
}

export const ComparisonCharts = memo(function ComparisonCharts({ entries, users, thresholds }: Props) {
  const [chosenUser, setChosenUser] = useState<string>();
  const probed = probeUsers(users, entries);
  const user = chosenUser && probed.includes(chosenUser) ? chosenUser : probed[0];
  const probe = entries.find((e) => e.status === 'ok')?.responseProbes.find((p) => p.userId === user);
  return (
    <>
      <PredictionHistograms
        series={histogramSeries(entries)}
        maxSaturatedShare={thresholds.maxSaturatedShare}
      />
      <UserSpreadBars
        series={spreadSeries(entries)}
        users={[...users]}
        maxVarianceRatio={thresholds.maxVarianceRatio}
      />
      {user && probe && (
        <div>
          <label className="field">
            Probe user
            <select value={user} onChange={(e) => setChosenUser(e.target.value)}>
              {probed.map((u) => (
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
    </>
  );
});
