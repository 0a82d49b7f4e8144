/**
 * The three checks for every trained strategy as large ✓ / ✗ marks (each named "passes" or "fails" for
 * screen readers), each check explained in one plain sentence, the chosen strategy's row highlighted.
 */
import { CHECKS, type Recommendation } from '../../../core/report/recommend-strategy';
import { TableScroll } from '../../common/TableScroll';

function Mark({ pass }: { pass: boolean }) {
  return (
    <span
      role="img"
      aria-label={pass ? 'passes' : 'fails'}
      className={`big-mark big-mark--${pass ? 'pass' : 'fail'}`}
    >
      {pass ? '✓' : '✗'}
    </span>
  );
}

export function ChecksGrid({ recommendation }: { recommendation: Recommendation }) {
  const chosen = recommendation.choice?.id;
  return (
    <div className="checks-grid">
      <dl className="check-meanings">
        {CHECKS.map((c) => (
          <div key={c.key}>
            <dt>{c.name}</dt>
            <dd>{c.sentence}</dd>
          </div>
        ))}
      </dl>
      {/* A heading, not a <caption>: the PNG export sizes a table by its measured height, caption
          included, and would stretch the rows by the caption's height. */}
      <h3 id="checks-table-heading">Which strategies pass the three checks</h3>
      <TableScroll label="The three checks by strategy (scrolls sideways)">
        <table className="table checks-table" aria-labelledby="checks-table-heading">
          <thead>
            <tr>
              <th scope="col">Strategy</th>
              {CHECKS.map((c) => (
                <th scope="col" key={c.key} className="checks-table__check">
                  <span className="checks-table__head">{c.name}</span>
                </th>
              ))}
              <th scope="col" className="num checks-table__loss">
                Per-user log loss
              </th>
            </tr>
          </thead>
          <tbody>
            {recommendation.standings.map((s) => (
              <tr key={s.id} className={s.id === chosen ? 'checks-table__chosen' : undefined}>
                <th scope="row">
                  {s.label}
                  {s.id === chosen && (
                    <span className="checks-table__tag">
                      {recommendation.kind === 'recommended' ? 'recommended' : 'closest'}
                    </span>
                  )}
                </th>
                {CHECKS.map((c) => (
                  <td key={c.key} className="checks-table__check">
                    <Mark pass={s.checks[c.key]} />
                  </td>
                ))}
                <td className="num">{s.macroLogLoss === null ? '–' : s.macroLogLoss.toFixed(3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
