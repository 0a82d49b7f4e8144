/**
 * The run controls: Backend (Auto, WebGL, WASM, CPU), Training workers (Auto, 1–4), the seed, Repeats
 * (seeds per strategy), "Train all strategies", "Cancel training", the check thresholds, the role="status"
 * region that says what training is doing (seed k of N) and when it is done, and a link to the settings.
 */
import { displayText } from '../../../store/report-selectors';
import { strategyList } from '../../../store/strategy-selectors';
import { useLab } from '../../common/lab-store-context';
import { WORKERS_CHOICES } from '../../../store/url-settings';
import type { BackendChoice, WorkersChoice } from '../../../worker/protocol';
import { SettingsLink } from './SettingsLink';
import { ThresholdFields } from './ThresholdFields';
import { PresetButtons } from './PresetButtons';
import { RunClock } from './RunClock';

const BACKENDS: { value: BackendChoice; label: string }[] = [
  { value: 'auto', label: 'Auto' },
  { value: 'webgl', label: 'WebGL' },
  { value: 'wasm', label: 'WASM' },
  { value: 'cpu', label: 'CPU' },
];

export function TrainControls() {
  const backend = useLab((s) => s.backend);
  const setBackend = useLab((s) => s.setBackend);
  const workersChoice = useLab((s) => s.workers);
  const setWorkers = useLab((s) => s.setWorkers);
  const seed = useLab((s) => s.seed);
  const setSeed = useLab((s) => s.setSeed);
  const repeats = useLab((s) => s.repeats);
  const setRepeats = useLab((s) => s.setRepeats);
  const running = useLab((s) => s.runId !== undefined);
  const sweeping = useLab((s) => s.sweepRunId !== undefined);
  const hasData = useLab((s) => s.summary !== undefined);
  const enabled = useLab((s) =>
    strategyList(s)
      .filter((m) => m.enabled)
      .map((m) => m.id)
      .join(','),
  );
  const trainStrategies = useLab((s) => s.trainStrategies);
  const cancelTraining = useLab((s) => s.cancelTraining);
  const status = useLab((s) => s.trainStatus);
  const error = useLab((s) => s.trainError);
  // Failure messages can quote a user id: shown masked when masking is on.
  const shownText = useLab(displayText);
  const decision = useLab((s) => s.backendDecision);
  const workers = useLab((s) => s.trainWorkers);
  const notices = useLab((s) => s.trainNotices);
  const refusedOptions = useLab((s) => Object.keys(s.optionErrors).length);

  return (
    <div className="train-controls">
      <div className="row">
        <label className="field">
          Backend
          <select
            value={backend}
            onChange={(e) => setBackend(e.target.value as BackendChoice)}
            disabled={running}
          >
            {BACKENDS.map((b) => (
              <option key={b.value} value={b.value}>
                {b.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Training workers
          <select
            value={String(workersChoice)}
            onChange={(e) =>
              setWorkers(
                WORKERS_CHOICES.find((w) => String(w) === e.target.value) ?? ('auto' as WorkersChoice),
              )
            }
            disabled={running}
          >
            {WORKERS_CHOICES.map((w) => (
              <option key={w} value={String(w)}>
                {w === 'auto' ? 'Auto (by cores)' : w}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Seed
          <input
            type="number"
            value={seed}
            step={1}
            disabled={running}
            onChange={(e) => setSeed(Math.trunc(Number(e.target.value)) || 0)}
          />
        </label>
        <label className="field">
          Repeats
          <input
            type="number"
            value={repeats}
            min={1}
            max={100}
            step={1}
            disabled={running}
            aria-describedby="repeats-hint"
            onChange={(e) => setRepeats(Number(e.target.value))}
          />
        </label>
        <button
          type="button"
          disabled={running || sweeping || !hasData || enabled === '' || refusedOptions > 0}
          title={sweeping ? 'A sweep is running (step 6): train when it ends or cancel it' : undefined}
          onClick={() => void trainStrategies(enabled.split(','))}
        >
          Train all strategies
        </button>
        <button type="button" className="button--secondary" disabled={!running} onClick={cancelTraining}>
          Cancel training
        </button>
      </div>
      <p className="hint" id="repeats-hint">
        Repeats: every strategy trains with seeds {seed}
        {repeats > 1 ? `–${seed + repeats - 1}` : ''} ({repeats} seed{repeats === 1 ? '' : 's'}), so the
        results carry intervals and pass rates over seeds; only the first seed&apos;s models are kept for
        export.
      </p>
      <PresetButtons />
      <ThresholdFields />
      <p className="hint">
        Lab default: the design note&apos;s settings up to 4,000 training rows; above, larger batches
        (training rows ÷ 125, up to 512; learning rate × √(batch ÷ 32)), fewer epochs (a phase visits at most
        epochs × 4,000 rows, × 20,000 where it trains a user embedding, more at a lower learning rate) and
        early stopping after 3 epochs without a better validation loss, so a big file trains in seconds.
        Design note: batch 32 and every epoch, as the design note trains, at any size. Presets set the six
        strategies; your own strategies keep their settings.
      </p>
      {refusedOptions > 0 && (
        <p className="hint">
          Training waits until every option holds a valid value ({refusedOptions} refused, marked in its
          strategy&apos;s options).
        </p>
      )}
      <p role="status" className="train-status">
        {status}
      </p>
      <RunClock />
      {decision && (
        <p className="hint" data-testid="backend-decision">
          Backend: <strong>{decision.backend}</strong> — {decision.reason}
          {workers &&
            ` · ${workers.count > 1 ? `${workers.count} workers train side by side` : 'one worker trains'} (${workers.reason})`}
        </p>
      )}
      {notices.map((notice) => (
        <p key={notice} className="hint">
          {shownText(notice)}
        </p>
      ))}
      {error && <p className="alert__refusal">{shownText(error)}</p>}
      <SettingsLink />
    </div>
  );
}
