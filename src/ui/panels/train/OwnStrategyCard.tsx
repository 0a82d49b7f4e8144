/**
 * One of the person's own strategies in the Train panel: on/off under its name, what its recipe does,
 * "Train only this", "Edit" and "Remove" (which forgets its result too), and its progress.
 */
import { displayText } from '../../../store/report-selectors';
import { ownSummary, type OwnStrategy } from '../../../store/own-strategies';
import { useLab } from '../../common/lab-store-context';
import { StrategyProgressRow } from './StrategyProgressRow';
import { StrategyToggle } from './StrategyToggle';

export function OwnStrategyCard({ own, onEdit }: { own: OwnStrategy; onEdit(): void }) {
  const running = useLab((s) => s.runId !== undefined);
  // The worker trains one run at a time: a sweep (step 6) first.
  const sweeping = useLab((s) => s.sweepRunId !== undefined);
  const hasData = useLab((s) => s.summary !== undefined);
  const setEnabled = useLab((s) => s.setOwnEnabled);
  const remove = useLab((s) => s.removeOwnStrategy);
  const train = useLab((s) => s.trainStrategies);
  // A name is free text: with Mask user IDs on, an id typed into it is masked like any other.
  const shownText = useLab(displayText);
  const label = shownText(own.label);
  const actions: { name: string; does: string; needsData?: boolean; act(): void }[] = [
    {
      name: 'Train only this',
      does: `Train only ${label}`,
      needsData: true,
      act: () => void train([own.id], 'single'),
    },
    { name: 'Edit', does: `Edit ${label}`, act: onEdit },
    { name: 'Remove', does: `Remove ${label}`, act: () => remove(own.id) },
  ];
  return (
    <li className="strategy-card strategy-card--own">
      <div className="strategy-card__head">
        <StrategyToggle
          label={label}
          checked={own.enabled}
          disabled={running}
          onChange={(on) => setEnabled(own.id, on)}
        />
        <span className="row">
          {actions.map((a) => (
            <button
              key={a.name}
              type="button"
              className="button--small button--secondary"
              disabled={running || (a.needsData === true && (!hasData || sweeping))}
              aria-label={a.does}
              onClick={a.act}
            >
              {a.name}
            </button>
          ))}
        </span>
      </div>
      <p className="hint">Your own strategy. {shownText(ownSummary(own))}</p>
      <StrategyProgressRow id={own.id} />
    </li>
  );
}
