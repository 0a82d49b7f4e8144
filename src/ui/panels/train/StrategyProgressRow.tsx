/** A strategy's progress while it trains (phase, head, epoch as a bar, a loss sparkline) and when it is done. */
import { Sparkline } from '../../charts/Sparkline';
import { colorOf } from '../../charts/strategy-colors';
import { displayText, displayUserId } from '../../../store/report-selectors';
import { useLab } from '../../common/lab-store-context';

export function StrategyProgressRow({ id }: { id: string }) {
  const progress = useLab((s) => s.progress[id]);
  const queued = useLab((s) => s.runStrategies.includes(id));
  const result = useLab((s) => s.results[id]);
  const shownUser = useLab(displayUserId);
  const shownText = useLab(displayText);
  if (!progress && !queued && !result) return null;
  const repeats = progress?.repeats ?? 1;
  const seedNote =
    repeats > 1 && progress ? `seed ${Math.min(repeats, progress.seedsDone + 1)} of ${repeats} · ` : '';
  const label = progress?.done
    ? repeats > 1
      ? `done (${progress.seedsDone} seeds)`
      : 'done'
    : progress
      ? `${seedNote}${progress.phase}${progress.userId ? ` (${shownUser(progress.userId)})` : ''} · ${progress.head} head · epoch ${progress.epoch}/${progress.epochs}`
      : queued
        ? 'waiting'
        : 'done';
  // With repeats the bar covers every seed of the strategy.
  const value =
    progress?.done || (!progress && !queued)
      ? 1
      : progress
        ? (progress.seedsDone + progress.epoch / Math.max(1, progress.epochs)) / Math.max(1, repeats)
        : 0;
  return (
    <div className="progress-row">
      <progress max={1} value={value} aria-label={`${id} progress`} />
      {progress && (
        <Sparkline
          values={progress.losses}
          dashed={progress.valLosses}
          color={colorOf(id)}
          label={`${id} loss per epoch`}
        />
      )}
      <span className="hint">
        {label}
        {result?.status === 'failed' && ` — failed: ${shownText(result.error)}`}
      </span>
    </div>
  );
}
