/** Each check's pass rate at each point of a sweep: one row per check, one column per swept value, each
 *  cell the share of seeds passing as a bar and a percent (the reference column marked). A real table, so
 *  screen readers read it as one. Takes ready rows. */
import { percentText } from './chart-theme';
import { ChartFigure } from './ChartFigure';

export interface SweepPassColumn {
  id: string;
  x: string;
  reference: boolean;
  rates: Record<string, number | null>;
}

export interface SweepPassRatesProps {
  xLabel: string;
  checks: readonly { check: string; label: string }[];
  columns: SweepPassColumn[];
}

export function SweepPassRates({ xLabel, checks, columns }: SweepPassRatesProps) {
  return (
    <ChartFigure
      label={`Pass rate of each check against ${xLabel}`}
      caption="Checks passed, share of seeds"
      note="Bar: share of seeds on which the check passed; – where no seed could be judged"
    >
      <div className="table-scroll" role="region" aria-label="Pass rates (scroll sideways)" tabIndex={0}>
        <table className="pass-rates">
          <caption className="visually-hidden">Pass rate of each check per {xLabel}</caption>
          <thead>
            <tr>
              <th scope="col">Check · {xLabel}</th>
              {columns.map((c) => (
                <th key={c.id} scope="col" className={c.reference ? 'pass-rates__reference' : undefined}>
                  {c.x}
                  {c.reference && <span className="pass-rates__ref"> ref</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {checks.map(({ check, label }) => (
              <tr key={check}>
                <th scope="row">{label}</th>
                {columns.map((c) => {
                  const rate = c.rates[check] ?? null;
                  return (
                    <td key={c.id}>
                      <span className="pass-rates__bar" aria-hidden="true">
                        <span style={{ width: `${Math.round((rate ?? 0) * 100)}%` }} />
                      </span>
                      {percentText(rate)}
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
