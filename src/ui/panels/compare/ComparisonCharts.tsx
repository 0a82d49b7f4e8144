/**
 * The comparison charts of step 4: prediction histograms, per-user spread, the response to consecutive
 * answers for a chosen user (small multiples with each check decided and explained), calibration, and the
 * time head (predicted against actual time, time error per user). Memoised: redrawn only when the entries
 * change.
 */
import { memo, useId, useState } from 'react';
import type { VerdictThresholds } from '../../../core/evaluation/verdicts';
import type { ReportStrategy } from '../../../core/report/report-types';
import { probeUsers, probeView } from '../../../store/probe-view';
import { PredictionHistograms } from '../../charts/PredictionHistograms';
import { ReliabilityChart } from '../../charts/ReliabilityChart';
import { ResponseProbeChart } from '../../charts/ResponseProbeChart';
import { TimeScatterChart } from '../../charts/TimeScatterChart';
import { UserDotPlot } from '../../charts/UserDotPlot';
import {
  histogramSeries,
  reliabilitySeries,
  spreadDots,
  timeErrorDots,
  timeScatterSeries,
} from './chart-series';

interface Props {
  entries: readonly ReportStrategy[];
  /** Dataset users, most tasks first. */
  users: readonly string[];
  thresholds: VerdictThresholds;
}

const sd = (v: number) => v.toFixed(2);
const seconds = (v: number) => `${Number.isInteger(v) || v >= 100 ? Math.round(v) : v.toFixed(1)} s`;

export const ComparisonCharts = memo(function ComparisonCharts({ entries, users, thresholds }: Props) {
  const [chosenUser, setChosenUser] = useState<string>();
  const selectId = useId();
  const tolerances = { drop: thresholds.responseTolerance, gap: thresholds.responseGapTolerance };
  const probed = probeUsers(entries, users, tolerances);
  const user = chosenUser && probed.some((p) => p.userId === chosenUser) ? chosenUser : probed[0]?.userId;
  const view = user === undefined ? undefined : probeView(entries, user, tolerances);
  const scatter = timeScatterSeries(entries);
  return (
    <>
      <PredictionHistograms
        series={histogramSeries(entries)}
        maxSaturatedShare={thresholds.maxSaturatedShare}
      />
      <UserDotPlot
        label="Spread of predictions per user, by strategy"
        caption="Spread of predictions per user"
        note={`Standard deviation of each user's predictions over all topics and difficulties; ratio = largest / smallest, limit ${thresholds.maxVarianceRatio}.`}
        series={spreadDots(entries, thresholds.maxVarianceRatio)}
        users={[...users]}
        valueTitle="standard deviation of a user's P(correct)"
        format={sd}
      />
      {view && user !== undefined && (
        <div className="probe-block">
          <label className="field" htmlFor={selectId}>
            Probe user
          </label>
          <select id={selectId} value={user} onChange={(e) => setChosenUser(e.target.value)}>
            {probed.map((p) => (
              <option key={p.userId} value={p.userId}>
                {p.userId}
                {p.failing > 0 ? ` (fails ${p.failing} of ${p.probed})` : ' (all respond)'}
              </option>
            ))}
          </select>
          <ResponseProbeChart
            panels={view.panels}
            userId={view.userId}
            topic={view.topic}
            difficulty={view.difficulty}
            tolerances={tolerances}
            failingElsewhere={probed.filter((p) => p.userId !== user && p.failing > 0)}
          />
        </div>
      )}
      <ReliabilityChart series={reliabilitySeries(entries)} />
      {scatter.length > 0 && <TimeScatterChart series={scatter} />}
      <UserDotPlot
        label="Time error per user, by strategy"
        caption="Time head: error per user"
        note="Mean absolute difference between predicted and actual answering time on each user's held-out tasks."
        series={timeErrorDots(entries)}
        users={[...users]}
        valueTitle="mean absolute time error (seconds)"
        format={seconds}
      />
    </>
  );
});
