/**
 * Under the sweep's controls while it runs: elapsed time and an estimate of what is left from the runs
 * done so far (each point's seeds, and the epochs of those in training), as training's clock does; after
 * a sweep, how long it took. Not a live region: a clock read aloud every second would drown the rest.
 */
import { clockText, estimateRemaining } from '../../../store/run-estimate';
import { sweepFraction } from '../../../store/sweep-slice';
import { useLab } from '../../common/lab-store-context';
import { useTicking } from '../../common/use-ticking';

export function SweepClock() {
  const running = useLab((s) => s.sweepRunId !== undefined);
  const clock = useLab((s) => s.sweepClock);
  const progress = useLab((s) => s.sweepProgress);
  const now = useTicking(running);
  if (!running)
    return clock.lastMs === undefined ? null : (
      <p className="hint" data-testid="sweep-clock">
        Last sweep took {clockText(clock.lastMs)}.
      </p>
    );
  if (clock.startedAt === undefined) return null;
  const elapsed = Math.max(0, now - clock.startedAt);
  const fraction = sweepFraction(progress);
  const estimate = estimateRemaining(elapsed, fraction);
  return (
    <p className="hint" data-testid="sweep-clock">
      <progress max={1} value={fraction} aria-label="Sweep progress" /> Elapsed{' '}
      <strong>{clockText(elapsed)}</strong>
      {estimate.remainingMs !== undefined
        ? ` · about ${clockText(estimate.remainingMs)} left (from the runs done so far)`
        : ' · estimating the time left…'}
    </p>
  );
}
