/** Legend for line charts: one swatch per strategy in its colour, then the line-style key
 *  (e.g. solid = after correct, dashed = after incorrect). */
import type { StrategySeries } from './chart-types';
import { seriesColor } from './strategy-colors';
import './charts.css';

export interface LineStyleKey {
  label: string;
  dashed?: boolean;
}

export interface SeriesLegendProps {
  series: StrategySeries[];
  /** Line styles explained after the strategies; omit for none. */
  lineStyles?: LineStyleKey[];
}

export function SeriesLegend({ series, lineStyles = [] }: SeriesLegendProps) {
  return (
    <ul className="chart-legend" aria-label="Legend">
      {series.map((s) => (
        <li key={s.id}>
          <span className="legend-line" style={{ color: seriesColor(s) }} aria-hidden="true" />
          {s.label}
        </li>
      ))}
      {lineStyles.map((style) => (
        <li key={style.label} className="chart-legend__key">
          <span
            className={style.dashed ? 'legend-line legend-line--dashed' : 'legend-line'}
            style={{ color: '#5b6475' }}
            aria-hidden="true"
          />
          {style.label}
        </li>
      ))}
    </ul>
  );
}
