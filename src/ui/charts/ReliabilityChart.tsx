/** Reliability diagrams as small multiples, one per strategy on the same [0, 1] axes: points on the
 *  dashed diagonal are well calibrated; below it the strategy is overconfident, above it underconfident. */
import type { ReliabilitySeries } from './chart-types';
import { percentText } from './chart-theme';
import { ChartFigure } from './ChartFigure';
import { DataTable } from './DataTable';
import { ReliabilityPanel } from './ReliabilityPanel';

export interface ReliabilityChartProps {
  series: ReliabilitySeries[];
  /** Plot height of each panel in px; default 200. */
  panelHeight?: number;
}

function binsText(s: ReliabilitySeries): string {
  const used = s.bins.filter((b) => b.n > 0);
  if (used.length === 0) return 'no predictions';
  return used
    .map(
      (b) =>
        `${percentText(b.binLower)}–${percentText(b.binUpper)}: n ${b.n}, predicted ${percentText(b.meanPredicted, 1)}, observed ${percentText(b.observedRate, 1)}`,
    )
    .join('; ');
}

export function ReliabilityChart({ series, panelHeight = 200 }: ReliabilityChartProps) {
  const maxN = Math.max(1, ...series.flatMap((s) => s.bins.map((b) => b.n)));
  return (
    <ChartFigure
      label="Reliability diagrams by strategy"
      caption="Calibration"
      note="Observed correct rate against mean predicted probability per bin; dot size = predictions in the bin; dashed diagonal = perfectly calibrated."
    >
      <div className="chart-grid">
        {series.map((s) => (
          <ReliabilityPanel key={s.id} series={s} maxN={maxN} height={panelHeight} />
        ))}
      </div>
      <DataTable
        caption="Reliability bins by strategy"
        columns={['Strategy', 'Predictions', 'Bins: range, count, mean predicted, observed rate']}
        rows={series.map((s) => ({
          key: s.id,
          cells: [s.label, s.bins.reduce((sum, b) => sum + b.n, 0), binsText(s)],
        }))}
      />
    </ChartFigure>
  );
}
