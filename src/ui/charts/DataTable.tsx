/** The numbers behind a chart as a visually hidden table, so screen readers and tests can read them.
 *  The first cell of each row is its header (scope="row"). */
import './charts.css';

export interface DataTableRow {
  key: string;
  cells: (string | number)[];
}

export interface DataTableProps {
  caption: string;
  columns: string[];
  rows: DataTableRow[];
  /** Show the table instead of hiding it (debugging, print). */
  visible?: boolean;
}

export function DataTable({ caption, columns, rows, visible = false }: DataTableProps) {
  const table = (
    <table className="table table--compact">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            {row.cells.map((cell, i) =>
              i === 0 ? (
                <th key={i} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={i}>{cell}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
  // A table ignores width: 1px, so the hiding clip goes on a wrapper block.
  return visible ? table : <div className="visually-hidden">{table}</div>;
}
