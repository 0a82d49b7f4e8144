/** Users by task count with their share of all tasks (a bar) and correct rate; long lists are capped. */
import type { UserSummary } from '../../../core/data/summarize-dataset';
import { count, percent } from '../../common/format';
import { BreakableId } from '../../common/BreakableId';
import { TableScroll } from '../../common/TableScroll';

const SHOWN = 25;

export function UsersTable({ users }: { users: UserSummary[] }) {
  return (
    <TableScroll label="Users by task count (scrolls sideways)">
      <table className="table" aria-label="Users by task count">
        <caption>Users by task count</caption>
        <thead>
          <tr>
            <th scope="col">User</th>
            <th scope="col">Tasks</th>
            <th scope="col">Share</th>
            <th scope="col">Correct</th>
          </tr>
        </thead>
        <tbody>
          {users.slice(0, SHOWN).map((u) => (
            <tr key={u.userId}>
              <th scope="row" className="cell-name">
                <BreakableId id={u.userId} />
              </th>
              <td className="num">{count(u.tasks)}</td>
              <td className="num share">
                <span
                  className="share__bar"
                  style={{ width: `${Math.max(u.share * 100, 0.5)}%` }}
                  aria-hidden="true"
                />
                <span className="share__label">{percent(u.share)}</span>
              </td>
              <td className="num">{percent(u.correctRate, 0)}</td>
            </tr>
          ))}
        </tbody>
        {users.length > SHOWN && (
          <tfoot>
            <tr>
              <td colSpan={4}>… and {count(users.length - SHOWN)} more users</td>
            </tr>
          </tfoot>
        )}
      </table>
    </TableScroll>
  );
}
