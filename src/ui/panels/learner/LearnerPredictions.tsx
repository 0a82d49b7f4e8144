/**
 * Every trained strategy's answer for the learner's next task: P(correct) as a bar on 0–100 % with the
 * prediction for the unedited answers marked, the change in points, and the predicted time in seconds.
 * Drawn as a table (a screen reader reads it as one), the bars are decoration.
 */
import type { LearnerRow } from '../../../store/learner-view';
import { colorOf } from '../../charts/strategy-colors';
import { TableScroll } from '../../common/TableScroll';

const pct = (p: number) => `${(p * 100).toFixed(1)}%`;
const points = (d: number) =>
  Math.abs(d) < 0.0005 ? '±0' : `${d > 0 ? '+' : '−'}${Math.abs(d * 100).toFixed(1)} pts`;
const seconds = (s: number) => (s >= 100 ? `${Math.round(s)} s` : `${s.toFixed(1)} s`);

export function LearnerPredictions({ rows, caption }: { rows: LearnerRow[]; caption: string }) {
  return (
    <>
      <p className="learner-caption">{caption}</p>
      <TableScroll label="Predictions for the next task (scrolls sideways)">
        <table className="table learner-table" aria-label={caption}>
          <thead>
            <tr>
              <th scope="col">Strategy</th>
              <th scope="col">P(correct) and change</th>
              <th scope="col" className="num">
                Predicted time
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-testid={`learner-${r.id}`}>
                <th scope="row">
                  <span className="swatch" style={{ background: colorOf(r.id) }} aria-hidden="true" />{' '}
                  {r.label}
                </th>
                {r.pCorrect === undefined || r.timeSeconds === undefined ? (
                  <td colSpan={2} className="hint">
                    No prediction: {r.missing}
                  </td>
                ) : (
                  <>
                    <td className="learner-bar-cell">
                      <span className="learner-bar-line">
                        <span className="learner-bar" aria-hidden="true">
                          <span
                            className="learner-bar__fill"
                            style={{ width: `${r.pCorrect * 100}%`, background: colorOf(r.id) }}
                          />
                          {r.basePCorrect !== undefined && (
                            <span
                              className="learner-bar__base"
                              style={{ left: `${r.basePCorrect * 100}%` }}
                            />
                          )}
                        </span>
                        <span className="learner-bar__value" data-testid="p-correct">
                          {pct(r.pCorrect)}
                        </span>
                      </span>
                      {r.basePCorrect !== undefined && (
                        <span className="learner-change">
                          {points(r.pCorrect - r.basePCorrect)} from {pct(r.basePCorrect)}
                        </span>
                      )}
                    </td>
                    <td className="num" data-testid="time">
                      {seconds(r.timeSeconds)}
                      {r.baseTimeSeconds !== undefined &&
                        Math.abs(r.timeSeconds - r.baseTimeSeconds) >= 0.05 && (
                          <span className="learner-change">was {seconds(r.baseTimeSeconds)}</span>
                        )}
                    </td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
