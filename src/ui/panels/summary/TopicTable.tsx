/** Task counts per topic × difficulty: where the data is (and is not) for each combination. */
import type { TopicSummary } from '../../../core/data/summarize-dataset';
import { DIFFICULTIES } from '../../../core/data/task';
import { count } from '../../common/format';
import { TableScroll } from '../../common/TableScroll';

const SHOWN = 25;

export function TopicTable({ topics }: { topics: TopicSummary[] }) {
  return (
    <TableScroll label="Tasks per topic and difficulty (scrolls sideways)">
      <table className="table" aria-label="Tasks per topic and difficulty">
        <caption>Tasks per topic × difficulty</caption>
        <thead>
          <tr>
            <th scope="col">Topic</th>
            {DIFFICULTIES.map((d) => (
              <th scope="col" key={d}>
                {d}
              </th>
            ))}
            <th scope="col">All</th>
          </tr>
        </thead>
        <tbody>
          {topics.slice(0, SHOWN).map((t) => (
            <tr key={t.topic}>
              <th scope="row" className="cell-name">
                {t.topic}
              </th>
              {DIFFICULTIES.map((d) => (
                <td className="num" key={d}>
                  {count(t.counts[d])}
                </td>
              ))}
              <td className="num">{count(t.total)}</td>
            </tr>
          ))}
        </tbody>
        {topics.length > SHOWN && (
          <tfoot>
            <tr>
              <td colSpan={5}>… and {count(topics.length - SHOWN)} more topics</td>
            </tr>
          </tfoot>
        )}
      </table>
    </TableScroll>
  );
}
