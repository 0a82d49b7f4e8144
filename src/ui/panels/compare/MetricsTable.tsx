/**
 * Held-out metrics side by side: overall (with the rows they rest on and the AUC interval), macro by
 * user, the three checks as ✓/✗, the constant baseline and the production model's recorded row.
 */
import type { Metric, Report, ReportScores } from '../../../core/report/report-types';
import { CheckBadge } from '../../charts/CheckBadge';
import { percent } from '../../common/format';

const num = (m: Metric | undefined, digits = 3) => (m === null || m === undefined ? '–' : m.toFixed(digits));

function ScoreCells({ s }: { s: ReportScores }) {
  const ci = s.test.intervals.auc;
  return (
    <>
      <td className="num">{s.test.n}</td>
      <td className="num">
        {num(s.test.auc)}
        {ci.lower !== null && ci.upper !== null && (
          <span className="hint">
            {' '}
            [{num(ci.lower, 2)}–{num(ci.upper, 2)}]
          </span>
        )}
      </td>
      <td className="num">{num(s.test.logLoss)}</td>
      <td className="num">{num(s.testMacroByUser.logLoss)}</td>
      <td className="num">{num(s.test.brier)}</td>
      <td className="num">{num(s.test.ece)}</td>
      <td className="num">{num(s.test.timeMaeSeconds, 1)}</td>
      <td className="num">
        {s.distribution.saturatedShare === null ? '–' : percent(s.distribution.saturatedShare)}
      </td>
      <td className="num">{s.distribution.distinctPercent}</td>
      <td className="num">{num(s.groundTruth?.overall.rmse)}</td>
    </>
  );
}

export function MetricsTable({ report }: { report: Report }) {
  return (
    <div className="table-scroll" role="region" aria-label="Held-out metrics (scrolls sideways)" tabIndex={0}>
      <table className="table table--compact" aria-label="Held-out metrics by strategy">
        <caption>
          Held-out metrics ({report.split.testRows} tasks: each user's last{' '}
          {percent(report.split.testShare, 0)}); AUC with a 95 % bootstrap interval
        </caption>
        <thead>
          <tr>
            <th scope="col">Strategy</th>
            <th scope="col">Checks</th>
            <th scope="col">n</th>
            <th scope="col">AUC</th>
            <th scope="col">Log loss</th>
            <th scope="col">Macro log loss</th>
            <th scope="col">Brier</th>
            <th scope="col">ECE</th>
            <th scope="col">Time MAE s</th>
            <th scope="col">Saturated</th>
            <th scope="col">Distinct %</th>
            <th scope="col">RMSE vs true p</th>
          </tr>
        </thead>
        <tbody>
          {report.strategies.map((e) => (
            <tr key={e.id}>
              <th scope="row">{e.label}</th>
              {e.status === 'ok' ? (
                <>
                  <td className="checks">
                    <CheckBadge pass={e.verdicts.continuous} label="continuous" />
                    <CheckBadge pass={e.verdicts.responsive} label="responsive" />
                    <CheckBadge pass={e.verdicts.generalizes} label="generalizes" />
                  </td>
                  <ScoreCells s={e} />
                </>
              ) : (
                <td colSpan={11} className="alert__refusal">
                  failed: {e.error}
                </td>
              )}
            </tr>
          ))}
          <tr className="row--reference">
            <th scope="row">Constant rate ({percent(report.baseline.pCorrect)})</th>
            <td />
            <ScoreCells s={report.baseline} />
          </tr>
          {report.recorded && (
            <tr className="row--reference">
              <th scope="row">Recorded (production predictions)</th>
              <td />
              <ScoreCells s={report.recorded} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
