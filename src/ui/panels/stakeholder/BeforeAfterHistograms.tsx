/**
 * Before and after: the prediction histogram of "1. Full retrain" beside the recommended (or closest)
 * strategy's, on one scale — the existing histogram chart, given just those two series.
 */
import type { VerdictThresholds } from '../../../core/evaluation/verdicts';
import { beforeAndAfter, type Recommendation } from '../../../core/report/recommend-strategy';
import type { Report } from '../../../core/report/report-types';
import { PredictionHistograms } from '../../charts/PredictionHistograms';
import { histogramSeries } from '../compare/chart-series';

interface Props {
  report: Report;
  recommendation: Recommendation;
  thresholds: VerdictThresholds;
}

export function BeforeAfterHistograms({ report, recommendation, thresholds }: Props) {
  const { before, after } = beforeAndAfter(report, recommendation);
  const afterWord = recommendation.kind === 'recommended' ? 'After (recommended)' : 'After (closest)';
  const series = [
    ...histogramSeries(before ? [before] : []).map((s) => ({ ...s, label: `Before: ${s.label}` })),
    ...histogramSeries(after ? [after] : []).map((s) => ({ ...s, label: `${afterWord}: ${s.label}` })),
  ];
  if (series.length === 0) return null;
  return (
    <div className="before-after">
      <h3>Predictions before and after</h3>
      <p className="hint">
        A model that has overfit piles its predictions at 0 % and 100 % (shaded); a healthy one spreads them
        out.
        {!after && before && ' The full retrain is itself the closest strategy, so there is no "after".'}
        {!before && ' The full retrain was not trained in this run, so there is no "before".'}
      </p>
      <PredictionHistograms series={series} maxSaturatedShare={thresholds.maxSaturatedShare} />
    </div>
  );
}
