/**
 * Each user's held-out log loss under every trained strategy (first seed), with the user's held-out n;
 * users with fewer than 5 held-out tasks are marked — the per-user figure pools them into one group.
 */
import { countText, fixed, seedsText } from '../../../core/report/format-figures';
import { byUser, MAX_TABLE_USERS, perUserRows } from '../../../core/report/per-user-rows';
import type { Report, ReportStrategyOk } from '../../../core/report/report-types';
import { StrategyHeads, ValueCells } from '../../charts/PerUserCells';
import { TableScroll } from '../../common/TableScroll';

const MIN_OWN = 5;

export function PerUserLossTable({ report }: { report: Report }) {
  const trained = report.strategies.filter((s): s is ReportStrategyOk => s.status === 'ok');
  const users = report.split.perUser.filter((u) => u.testRows > 0);
  if (trained.length === 0 || users.length === 0) return null;
  const pooled = users.filter((u) => u.testRows < MIN_OWN).length;
  const listed = users.slice(0, MAX_TABLE_USERS);
  const lookups = new Map(trained.map((s) => [s.id, byUser(s.testPerUser, (p) => p.logLoss)]));
  const rows = perUserRows(
    listed.map((u) => u.userId),
    trained,
    (s, userId) => lookups.get(s.id)?.(userId),
    fixed,
  );
  return (
    <details className="per-user-loss">
      <summary>Log loss by user ({countText(users.length)} users with held-out tasks)</summary>
      <TableScroll label="Log loss by user (scrolls sideways)">
        <table className="table table--compact" aria-label="Held-out log loss by user">
          <caption>
            {seedsText(trained[0]?.seeds.slice(0, 1) ?? [])} · ↓ lower is better
            {pooled > 0 &&
              ` · * fewer than ${MIN_OWN} held-out tasks: such users are pooled into one group in the per-user log loss`}
            {listed.length < users.length &&
              ` · the first ${countText(listed.length)} of ${countText(users.length)} users; every user's figures are in the downloaded report`}
          </caption>
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col" className="num">
                n
              </th>
              <StrategyHeads strategies={trained} />
            </tr>
          </thead>
          <tbody>
            {listed.map((u, i) => (
              <tr key={u.userId}>
                <th scope="row">
                  {u.userId}
                  {u.testRows < MIN_OWN && (
                    <span title={`fewer than ${MIN_OWN} held-out tasks: pooled`}>
                      {' '}
                      *<span className="visually-hidden"> (fewer than {MIN_OWN} held-out tasks, pooled)</span>
                    </span>
                  )}
                </th>
                <td className="num">{countText(u.testRows)}</td>
                <ValueCells row={rows[i]} />
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </details>
  );
}
