/**
 * The last sweep: its headline in plain words, one small chart per metric (mean over seeds against the
 * value, 95 % whiskers, the reference ringed), each check's pass rate per value, a heat map with two
 * parameters, and the table of points with "Use this value" — which makes the point's recipe an own
 * strategy in step 3, to train with the others. Everything shown is the sweep as displayed (masked when
 * "Mask user IDs" is on), and so is "Download sweep (JSON)".
 */
import { useState } from 'react';
import { downloadText } from '../../../platform/download';
import { displaySweep, displaySweepView, SWEEP_CHECKS } from '../../../store/sweep-view';
import { activeMask } from '../../../store/report-selectors';
import { SweepHeatMap } from '../../charts/SweepHeatMap';
import { SweepMetricChart } from '../../charts/SweepMetricChart';
import { SweepPassRates } from '../../charts/SweepPassRates';
import { useLab } from '../../common/lab-store-context';
import { TableScroll } from '../../common/TableScroll';
import { SweepPointsTable } from './SweepPointsTable';

/** The charts drawn by default; the rest on request. */
const MAIN = 5;

export function SweepResults() {
  const view = useLab(displaySweepView);
  const shown = useLab(displaySweep);
  const masked = useLab((s) => activeMask(s) !== undefined);
  const [all, setAll] = useState(false);
  if (!view || !shown)
    return <p className="hint">Run a sweep to see how each metric moves with the value.</p>;
  const { document } = view;
  const download = () =>
    downloadText(
      `retrain-lab-sweep-${document.generatedAt.slice(0, 10)}-seed${document.seeds[0] ?? 0}${masked ? '-masked' : ''}.json`,
      `${JSON.stringify(shown, null, 2)}\n`,
    );
  const charts = all ? view.metrics : view.metrics.slice(0, MAIN);
  return (
    <div className="sweep-results">
      <div className="panel__head">
        <h3>
          {document.base.label}: {view.xLabel}
        </h3>
        <button type="button" onClick={download}>
          Download sweep (JSON)
        </button>
      </div>
      {document.best && (
        <p className="sweep-headline" data-testid="sweep-headline">
          {document.best.headline}
        </p>
      )}
      <p className="hint">
        {document.points.length} points × seeds {document.seeds.join(', ')} · backend {document.backend} ·{' '}
        {document.dataset.fileName} · reference:{' '}
        {document.points.find((p) => p.id === document.reference)?.label ?? document.reference} · constant
        rate&apos;s per-user log loss {document.constantRate.userLogLoss?.toFixed(3) ?? '–'}
      </p>
      {view.heatMap && <SweepHeatMap {...view.heatMap} />}
      <div className="chart-grid sweep-charts">
        {charts.map((m) => (
          <SweepMetricChart
            key={m.metric}
            title={m.label}
            xLabel={view.axisLabel}
            seriesLabels={view.seriesLabels}
            points={m.points}
            higherIsBetter={m.higherIsBetter}
            seedOnly={m.seedOnly}
          />
        ))}
      </div>
      <button type="button" className="button--small button--secondary" onClick={() => setAll(!all)}>
        {all ? 'Fewer charts' : `All ${view.metrics.length} metrics`}
      </button>
      <SweepPassRates xLabel={view.xLabel} checks={SWEEP_CHECKS} columns={view.passRates} />
      <h4 className="sweep-table-title">Sweep points: per-user log loss and checks per value</h4>
      <TableScroll label="Sweep points (scrolls sideways)">
        <SweepPointsTable document={document} />
      </TableScroll>
    </div>
  );
}
