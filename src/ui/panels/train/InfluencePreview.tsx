/**
 * The training-influence preview, before any training: each user's share of the training loss under
 * each enabled strategy (the design note's tables, computed from the loaded data's training rows).
 */
import { useEffect } from 'react';
import { displayText, displayUserId } from '../../../store/report-selectors';
import { strategyList } from '../../../store/strategy-selectors';
import { useLab } from '../../common/lab-store-context';
import { percent } from '../../common/format';
import { BreakableId } from '../../common/BreakableId';
import { TableScroll } from '../../common/TableScroll';

const MAX_USERS = 8;

export function InfluencePreview() {
  const preview = useLab((s) => s.preview);
  const loadPreview = useLab((s) => s.loadPreview);
  const catalog = useLab(strategyList);
  const own = useLab((s) => s.ownStrategies);
  const shownText = useLab(displayText);
  const fingerprint = useLab((s) => s.summary?.fingerprint);
  const settings = useLab((s) => s.strategies);
  const users = useLab((s) => s.summary?.users);
  const shownUser = useLab(displayUserId);

  useEffect(() => {
    if (!fingerprint || catalog.length === 0) return;
    // Options change on every keystroke; a short pause keeps the worker from recomputing each one.
    const timer = setTimeout(() => void loadPreview(), 250);
    return () => clearTimeout(timer);
  }, [fingerprint, catalog, settings, own, loadPreview]);

  if (!users || catalog.length === 0 || Object.keys(preview).length === 0) return null;
  const shown = users.slice(0, MAX_USERS);
  // Each strategy's main phase: the one the dominant user's share is decided in (first listed).
  const shareOf = (id: string, userId: string) => {
    const rows = preview[id] ?? [];
    const phase = rows[0]?.phase;
    return rows.find((r) => r.userId === userId && r.phase === phase)?.share;
  };
  return (
    <>
      <p className="table-caption">
        Training influence: each user&apos;s share of the training loss (first phase of each strategy;
        held-out tasks excluded)
      </p>
      <TableScroll label="Training influence (scrolls sideways)">
        <table className="table table--compact" aria-label="Training influence by strategy">
          <thead>
            <tr>
              <th scope="col">User</th>
              {catalog.map((m) => (
                <th scope="col" key={m.id}>
                  {shownText(m.label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((u) => (
              <tr key={u.userId}>
                <th scope="row" className="cell-name">
                  <BreakableId id={shownUser(u.userId)} />
                </th>
                {catalog.map((m) => {
                  const share = shareOf(m.id, u.userId);
                  return (
                    <td className="num" key={m.id}>
                      {share === undefined ? '–' : percent(share)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          {users.length > MAX_USERS && (
            <tfoot>
              <tr>
                <td colSpan={catalog.length + 1}>… and {users.length - MAX_USERS} more users</td>
              </tr>
            </tfoot>
          )}
        </table>
      </TableScroll>
    </>
  );
}
