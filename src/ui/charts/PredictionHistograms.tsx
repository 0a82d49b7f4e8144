/** Prediction histograms as small multiples, one panel per strategy on one shared y-axis: a saturated
 *  model piles its predictions into the shaded <1 % / >99 % zones, a continuous one spreads them. */
import type { HistogramSeries } from './chart-types';
import { niceScale, percentText } from './chart-theme';
import { ChartFigure } from './ChartFigure';
import { DataTable } from './DataTable';
import { HistogramPanel } from './HistogramPanel';

export interface PredictionHistogramsProps {
  series: HistogramSeries[];
  /** Panels whose saturatedShare exceeds this share (0..1) are flagged; default 0.05. */
  maxSaturatedShare?: number;
  /** Plot height of each panel in px; default 160. */
  panelHeight?: number;
}

function shareMax(series: HistogramSeries[]): number {
  let max = 0;
  for (const s of series) {
    const total = s.n > 0 ? s.n : s.counts.reduce((a, b) => a + b, 0);
    if (total > 0) for (const c of s.counts) max = Math.max(max, c / total);
  }
  return Math.max(max, 0.1);
}

export function PredictionHistograms({
  series,
  maxSaturatedShare = 0.05,
  panelHeight = 160,
}: PredictionHistogramsProps) {
  const { max, ticks } = niceScale(shareMax(series), 3);
  const isFlagged = (s: HistogramSeries) => s.saturatedShare !== null && s.saturatedShare > maxSaturatedShare;
  return (
    <ChartFigure
      label="Prediction distribution by strategy"
      caption="Prediction distribution"
      note={`Share of test predictions per 5% bin, same scale in every panel; shaded: saturated (<1% or >99%), limit ${percentText(maxSaturatedShare)}.`}
    >
      <div className="chart-grid">
        {series.map((s) => (
          <HistogramPanel
            key={s.id}
            series={s}
            yMax={max}
            yTicks={ticks}
            flagged={isFlagged(s)}
            maxSaturatedShare={maxSaturatedShare}
            height={panelHeight}
          />
        ))}
      </div>
      <DataTable
        caption="Prediction distribution by strategy"
        columns={[
          'Strategy',
          'Saturated share',
          'Within limit',
          'Distinct whole-percent values',
          'Predictions',
          'Counts per 5% bin, 0% to 100%',
        ]}
        rows={series.map((s) => ({
          key: s.id,
          cells: [
            s.label,
            percentText(s.saturatedShare, 1),
            s.saturatedShare === null ? 'unknown' : isFlagged(s) ? 'no' : 'yes',
            s.distinctPercent,
            s.n,
            s.counts.join(', '),
          ],
        }))}
      />
    </ChartFigure>
  );
}
