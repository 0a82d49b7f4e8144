/**
 * The three checks for every trained strategy: large ✓ / ✗ marks for one seed (each named "passes" or
 * "fails" for screen readers; "not enough data" when the rows cannot judge), the share of seeds passing
 * when the run repeated seeds, each check explained in one plain sentence, the chosen row highlighted,
 * and the per-user log loss with its interval and the held-out size beside it.
 */
import { countText, fixed, interval, percentText } from '../../../core/report/format-figures';
import {
  CHECKS,
  type CheckKey,
  type Recommendation,
  type StrategyStanding,
} from '../../../core/report/recommend-strategy';
import { TableScroll } from '../../common/TableScroll';

function Mark({ standing, check }: { standing: StrategyStanding; check: CheckKey }) {
  if (standing.seeds > 1) {
    const rate = standing.passRate[check];
    const tone = rate === 1 ? 'pass' : rate === 0 ? 'fail' : 'partial';
    return rate === null ? (
      <span className="rate-mark">not enough data</span>
    ) : (
      <span className={`rate-mark rate-mark--${tone}`}>
        {percentText(rate)}
        <span className="visually-hidden"> of seeds pass</span>
      </span>
    );
  }
  const state = standing.checks[check];
  if (state === 'not enough data') return <span className="rate-mark">not enough data</span>;
  const pass = state === 'pass';
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
  const chosen = recommendation.chosen?.id;
  const several = recommendation.seeds > 1;
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
      {several && (
        <p className="hint">
          Share of the {recommendation.seeds} seeds in which each check passes; a strategy is recommended only
          when all three pass in at least {percentText(recommendation.minPassRate)} of seeds.
        </p>
      )}
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
                Per-user log loss (n = {countText(recommendation.heldOutRows)})
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
                    <Mark standing={s} check={c.key} />
                  </td>
                ))}
                <td className="num">
                  {fixed(s.userLogLoss.mean)}{' '}
                  <span className="hint">{interval(s.userLogLoss.lo, s.userLogLoss.hi)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
