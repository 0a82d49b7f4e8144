/** The cells every users × strategies table repeats (the numbers under a per-user dot plot, the log loss
 *  by user table): a column head per strategy, and one user's value cells as perUserRows wrote them. */
import type { PerUserRow } from '../../core/report/per-user-rows';

export function StrategyHeads({ strategies }: { strategies: readonly { id: string; label: string }[] }) {
  return (
    <>
      {strategies.map((s) => (
        <th scope="col" key={s.id} className="num">
          {s.label}
        </th>
      ))}
    </>
  );
}

export function ValueCells({ row }: { row: PerUserRow | undefined }) {
  return (
    <>
      {row?.cells.map((c) => (
        <td key={c.id} className="num">
          {c.text}
        </td>
      ))}
    </>
  );
}
