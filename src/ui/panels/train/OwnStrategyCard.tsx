/**
 * One of the person's own strategies in the Train panel: on/off under its name, what its recipe does,
 * "Train only this", "Edit" and "Remove" (which forgets its result too), and its progress.
 */
import { displayText } from '../../../store/report-selectors';
import { ownSummary, type OwnStrategy } from '../../../store/own-strategies';
import { useLab } from '../../common/lab-store-context';
import { StrategyProgressRow } from './StrategyProgressRow';

export function OwnStrategyCard({ own, onEdit }: { own: OwnStrategy; onEdit(): void }) {
  const running = useLab((s) => s.runId !== undefined);
  const hasData = useLab((s) => s.summary !== undefined);
  const setEnabled = useLab((s) => s.setOwnEnabled);
  const remove = useLab((s) => s.removeOwnStrategy);
  const train = useLab((s) => s.trainStrategies);
  // A name is free text: with Mask user IDs on, an id typed into it is masked like any other.
  const shownText = useLab(displayText);
  const label = shownText(own.label);
  return (
    <li className="strategy-card strategy-card--own">
      <div className="strategy-card__head">
        <label className="strategy-card__toggle">
          <input
            type="checkbox"
            checked={own.enabled}
            disabled={running}
            onChange={(e) => setEnabled(own.id, e.target.checked)}
          />
          <strong>{label}</strong>
        </label>
        <span className="row">
          <button
            type="button"
            className="button--small button--secondary"
            disabled={running || !hasData}
            aria-label={`Train only ${label}`}
            onClick={() => void train([own.id], 'single')}
          >
            Train only this
          </button>
          <button
            type="button"
            className="button--small button--secondary"
            disabled={running}
            aria-label={`Edit ${label}`}
            onClick={onEdit}
          >
            Edit
          </button>
          <button
            type="button"
            className="button--small button--secondary"
            disabled={running}
            aria-label={`Remove ${label}`}
            onClick={() => remove(own.id)}
          >
            Remove
          </button>
        </span>
      </div>
      <p className="hint">Your own strategy. {shownText(ownSummary(own))}</p>
      <StrategyProgressRow id={own.id} />
    </li>
  );
}
