/**
 * The forest plot of step 4 with its two choices: the reference (1. Full retrain or the constant rate)
 * and the metric (per-user log loss, log loss, AUC). Rows come reshaped from the report (forestRows).
 */
import { useState } from 'react';
import type { Report, ReportComparison } from '../../../core/report/report-types';
import { ForestPlot } from '../../charts/ForestPlot';
import { forestRows } from './chart-series';

const METRICS: { value: ReportComparison['metric']; label: string }[] = [
  { value: 'userLogLoss', label: 'per-user log loss' },
  { value: 'logLoss', label: 'log loss' },
  { value: 'auc', label: 'AUC' },
];

export function ComparisonForest({ report }: { report: Report }) {
  const full = report.strategies.find((s) => s.id === 'full-retrain' && s.status === 'ok');
  const [against, setAgainst] = useState<string>(full ? 'full-retrain' : 'constant-rate');
  const [metric, setMetric] = useState<ReportComparison['metric']>('userLogLoss');
  const reference = against === 'full-retrain' && !full ? 'constant-rate' : against;
  const rows = forestRows(report, reference, metric);
  const againstLabel = reference === 'constant-rate' ? 'the constant rate' : (full?.label ?? reference);
  const metricLabel = METRICS.find((m) => m.value === metric)?.label ?? metric;
  return (
    <div className="forest">
      <div className="row">
        <label className="field">
          Compare against
          <select value={reference} onChange={(e) => setAgainst(e.target.value)}>
            {full && <option value="full-retrain">{full.label}</option>}
            <option value="constant-rate">the constant rate</option>
          </select>
        </label>
        <label className="field">
          Metric
          <select value={metric} onChange={(e) => setMetric(e.target.value as ReportComparison['metric'])}>
            {METRICS.map((m) => (
              <option key={m.value} value={m.value}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {rows.length > 0 ? (
        <ForestPlot
          rows={rows}
          metricLabel={metricLabel}
          againstLabel={againstLabel}
          betterBelowZero={metric !== 'auc'}
        />
      ) : (
        <p className="hint">The paired comparisons appear when a run ends.</p>
      )}
    </div>
  );
}
