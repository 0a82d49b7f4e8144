/**
 * The check thresholds, editable (docs/contract.md §2 defaults): continuity's saturation and distinct
 * values, the response check's two tolerances, generalisation's spread ratio, and the share of seeds a
 * recommended strategy must pass all three checks in. Applied to the next run (and kept in the link).
 */
import type { VerdictThresholds } from '../../../core/evaluation/verdicts';
import { useLab } from '../../common/lab-store-context';

const FIELDS: {
  key: keyof VerdictThresholds;
  label: string;
  step: number;
  min: number;
  max?: number;
  hint: string;
}[] = [
  {
    key: 'maxSaturatedShare',
    label: 'Continuous: most saturated share',
    step: 0.01,
    min: 0,
    max: 1,
    hint: 'share of predictions below 1 % or above 99 %',
  },
  {
    key: 'minDistinctPercent',
    label: 'Continuous: fewest distinct percents',
    step: 1,
    min: 0,
    max: 101,
    hint: 'distinct whole-percent values',
  },
  {
    key: 'responseTolerance',
    label: 'Responsive: largest drop after 5 correct',
    step: 0.005,
    min: 0,
    max: 1,
    hint: 'afterCorrect[5] ≥ afterCorrect[0] − this',
  },
  {
    key: 'responseGapTolerance',
    label: 'Responsive: largest shortfall below 5 incorrect',
    step: 0.005,
    min: 0,
    max: 1,
    hint: 'afterCorrect[5] ≥ afterIncorrect[5] − this',
  },
  {
    key: 'maxVarianceRatio',
    label: 'Generalizes: largest spread ratio',
    step: 0.1,
    min: 1,
    hint: 'largest / smallest per-user spread',
  },
  {
    key: 'minPassRate',
    label: 'Recommend: all three pass in at least',
    step: 0.05,
    min: 0,
    max: 1,
    hint: 'share of seeds (0.8 = 80 %)',
  },
];

export function ThresholdFields() {
  const thresholds = useLab((s) => s.thresholds);
  const setThreshold = useLab((s) => s.setThreshold);
  const running = useLab((s) => s.runId !== undefined);
  return (
    <details className="threshold-fields">
      <summary>Check thresholds</summary>
      <div className="row">
        {FIELDS.map((f) => (
          <label key={f.key} className="field" title={f.hint}>
            {f.label}
            <input
              type="number"
              value={thresholds[f.key]}
              step={f.step}
              min={f.min}
              max={f.max}
              disabled={running}
              onChange={(e) => {
                const v = Number(e.target.value);
                if (
                  e.target.value !== '' &&
                  Number.isFinite(v) &&
                  v >= f.min &&
                  (f.max === undefined || v <= f.max)
                )
                  setThreshold(f.key, v);
              }}
            />
          </label>
        ))}
      </div>
      <p className="hint">Thresholds apply to the next run; the link carries them.</p>
    </details>
  );
}
