/**
 * One strategy in the panel: on/off, what it does, its options (every knob editable, reset to the design note's
 * defaults) and "Train only this" to re-run it alone while the other results stay.
 */
import type { StrategyMeta } from '../../../worker/protocol';
import { useLab } from '../../common/lab-store-context';
import { OptionField } from './OptionField';
import { StrategyProgressRow } from './StrategyProgressRow';
import { influenceShift } from '../../../store/dataset-story';
import { displayUserId } from '../../../store/report-selectors';
import { percent } from '../../common/format';
import { StrategyToggle } from './StrategyToggle';

export function StrategyCard({ meta }: { meta: StrategyMeta }) {
  const settings = useLab((s) => s.strategies[meta.id]);
  const running = useLab((s) => s.runId !== undefined);
  // The worker trains one run at a time: a sweep (step 6) first.
  const sweeping = useLab((s) => s.sweepRunId !== undefined);
  const hasData = useLab((s) => s.summary !== undefined);
  const setEnabled = useLab((s) => s.setStrategyEnabled);
  const setOption = useLab((s) => s.setStrategyOption);
  const setOptionText = useLab((s) => s.setStrategyOptionText);
  const optionErrors = useLab((s) => s.optionErrors);
  const notices = useLab((s) => s.optionNotices[meta.id]);
  const reset = useLab((s) => s.resetStrategy);
  const train = useLab((s) => s.trainStrategies);
  const preview = useLab((s) => s.preview);
  const topUser = useLab((s) => s.summary?.users[0]?.userId);
  const shownUser = useLab(displayUserId);
  if (!settings) return null;
  const shift = influenceShift(preview, meta.id, topUser);
  const changed = Object.entries(meta.defaultOptions).some(([k, v]) => settings.options[k] !== v);
  const invalid = Object.keys(optionErrors).some((k) => k.startsWith(`${meta.id}.`));
  return (
    <li className="strategy-card">
      <div className="strategy-card__head">
        <StrategyToggle
          label={meta.label}
          checked={settings.enabled}
          disabled={running}
          onChange={(on) => setEnabled(meta.id, on)}
        />
        <button
          type="button"
          className="button--small button--secondary"
          disabled={running || sweeping || !hasData || invalid}
          onClick={() => void train([meta.id], 'single')}
        >
          Train only this
        </button>
      </div>
      <p className="hint">{meta.summary}</p>
      {shift && topUser !== undefined && (
        <p className="strategy-card__data" data-testid={`influence-${meta.id}`}>
          On this data: {shownUser(topUser)}, the user with the most tasks,{' '}
          {Math.abs(shift.under - shift.plain) < 0.0005
            ? `carries ${percent(shift.plain)} of the training loss`
            : `carries ${percent(shift.under)} of the training loss instead of ${percent(shift.plain)}`}
          .
        </p>
      )}
      {settings.enabled && notices && notices.length > 0 && (
        <ul className="strategy-card__notices" aria-label={`What the options of ${meta.label} do`}>
          {notices.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <details>
        <summary>
          Options{changed ? ' (changed)' : ''}
          {invalid ? ' — a value is refused' : ''}
        </summary>
        <div className="options">
          {Object.keys(meta.defaultOptions).map((key) => (
            <OptionField
              key={key}
              strategyLabel={meta.label}
              name={key}
              value={settings.options[key] ?? (meta.defaultOptions[key] as number)}
              doc={meta.optionDocs[key] ?? ''}
              disabled={running}
              error={optionErrors[`${meta.id}.${key}`]}
              onChange={(v) => setOption(meta.id, key, v)}
              onText={(text) => setOptionText(meta.id, key, text)}
            />
          ))}
        </div>
        <button
          type="button"
          className="button--small button--secondary"
          disabled={running || !changed}
          onClick={() => reset(meta.id)}
        >
          Reset to defaults
        </button>
      </details>
      <StrategyProgressRow id={meta.id} />
    </li>
  );
}
