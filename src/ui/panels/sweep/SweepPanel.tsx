/**
 * Step 6: sweep a setting — how the metrics and the checks move as one parameter (or two, as a grid) of a
 * strategy goes through its values, each point trained on several seeds in the worker. The form, the
 * sweep's status and clock, and the last sweep's results (kept when a later sweep fails or is cancelled).
 */
import { useState } from 'react';
import { DEFAULT_SWEEP_DRAFT, type SweepDraft } from '../../../store/sweep-draft';
import { displayText } from '../../../store/report-selectors';
import { useLab } from '../../common/lab-store-context';
import { SweepClock } from './SweepClock';
import { SweepForm } from './SweepForm';
import { SweepResults } from './SweepResults';
import './sweep.css';

export function SweepPanel() {
  const [draft, setDraft] = useState<SweepDraft>(DEFAULT_SWEEP_DRAFT);
  const status = useLab((s) => s.sweepStatus);
  const error = useLab((s) => s.sweepError);
  // A failure can quote a user id: shown masked when masking is on.
  const shownText = useLab(displayText);
  return (
    <section className="panel" aria-labelledby="sweep-heading">
      <h2 id="sweep-heading">6. Sweep a setting</h2>
      <p className="hint">
        Train one strategy at several values of a setting — each value on several seeds, with the seed,
        backend, workers and thresholds of step 3 — and see how per-user log loss, AUC and the checks move.
        Nothing trained here replaces the results above.
      </p>
      <SweepForm draft={draft} onChange={setDraft} />
      <p aria-live="polite" className="train-status" data-testid="sweep-status">
        {status}
      </p>
      <SweepClock />
      {error && <p className="alert__refusal">{shownText(error)}</p>}
      <SweepResults />
    </section>
  );
}
