/** A two-parameter sweep's grid of mean per-user log loss: rows the first parameter's values, columns the
 *  second's, each cell shaded (lighter is lower, better) and holding its number; the reference cell
 *  outlined. It is a real table, so screen readers read it as one. Takes the ready grid. */
import { ChartFigure } from './ChartFigure';

// The store's SweepHeatMap (sweep-view.ts) in the chart's own words: the layers may not import each other.
export interface SweepHeatMapProps {
  rowLabel: string;
  columnLabel: string;
  rows: string[];
  columns: string[];
  cells: (number | null)[][];
  referenceAt: [number, number];
}

/** From light (lowest loss) to deep blue (highest). */
function shade(share: number): string {
  const light = [238, 244, 255];
  const deep = [47, 91, 211];
  const mix = light.map((l, i) => Math.round(l + ((deep[i] ?? l) - l) * share));
  return `rgb(${mix.join(',')})`;
}

export function SweepHeatMap({
  rowLabel,
  columnLabel,
  rows,
  columns,
  cells,
  referenceAt,
}: SweepHeatMapProps) {
  const values = cells.flat().filter((v): v is number => v !== null && Number.isFinite(v));
  const min = Math.min(...values);
  const max = Math.max(...values);
  const shareOf = (v: number) => (max > min ? (v - min) / (max - min) : 0);
  return (
    <ChartFigure
      label={`Mean per-user log loss by ${rowLabel} and ${columnLabel}`}
      caption="Per-user log loss by both parameters"
      note="Mean over seeds; lighter is lower (better); outlined: reference"
    >
      <div className="table-scroll" role="region" aria-label="Heat map (scrolls sideways)" tabIndex={0}>
        <table className="heat-map">
          <caption className="visually-hidden">
            Mean per-user log loss: rows {rowLabel}, columns {columnLabel}
          </caption>
          <thead>
            <tr>
              <th scope="col">
                {rowLabel} ↓ · {columnLabel} →
              </th>
              {columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r}>
                <th scope="row">{r}</th>
                {columns.map((c, j) => {
                  const v = cells[i]?.[j] ?? null;
                  const reference = referenceAt[0] === i && referenceAt[1] === j;
                  const share = v === null ? 0 : shareOf(v);
                  return (
                    <td
                      key={c}
                      className={reference ? 'heat-map__reference' : undefined}
                      style={{
                        background: v === null ? undefined : shade(share),
                        color: share > 0.6 ? '#fff' : undefined,
                      }}
                    >
                      {v === null ? 'failed' : v.toFixed(3)}
                      {reference && <span className="visually-hidden"> (reference)</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChartFigure>
  );
}
