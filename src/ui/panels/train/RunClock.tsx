/**
 * Under the run controls while a run goes on: what it is doing in its first seconds (choosing the backend,
 * preparing the data), the elapsed time and an estimate of what is left — from a finished run of the same
 * work when there is one, else from the epochs done so far. After a run: how long it took.
 * Not a live region: a clock read aloud every second would drown everything else.
 */
import { clockText, estimateRemaining, runFraction } from '../../../store/run-estimate';
import { useLab } from '../../common/lab-store-context';
import { useTicking } from '../../common/use-ticking';

export function RunClock() {
  const running = useLab((s) => s.runId !== undefined);
  const clock = useLab((s) => s.runClock);
  const ids = useLab((s) => s.runStrategies);
  const progress = useLab((s) => s.progress);
  const now = useTicking(running);

  if (!running) {
    return clock.lastMs === undefined ? null : (
      <p className="hint run-clock" data-testid="run-clock">
        Last run took {clockText(clock.lastMs)}.
      </p>
    );
  }
  if (clock.startedAt === undefined) return null;
  const elapsed = Math.max(0, now - clock.startedAt);
  const fraction = runFraction(ids, progress);
  const started = ids.some((id) => progress[id]);
  const estimate = estimateRemaining(elapsed, fraction, clock.previousMs);
  return (
    <p className="hint run-clock" data-testid="run-clock">
      {!started && 'Starting: choosing the backend and preparing the data… '}
      Elapsed <strong>{clockText(elapsed)}</strong>
      {estimate.remainingMs !== undefined
        ? ` · about ${clockText(estimate.remainingMs)} left (${estimate.basis === 'previous run' ? 'the same run took ' + clockText(clock.previousMs ?? 0) + ' before' : 'from the epochs done so far'})`
        : ' · estimating the time left…'}
    </p>
  );
}
