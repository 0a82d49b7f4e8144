/**
 * How far a training run is and how long it may still take, for the line under the Train button:
 * from a finished run of the same work on the same data when there is one (the best guess), else from
 * the share of epochs done so far once that says something. Pure: the caller passes the clock.
 */
import type { StrategyProgress } from './training-slice';

/**
 * Share (0–1) of the run's work done: each strategy counts once — its finished seeds, plus the seed in
 * training by its epochs in the current phase.
 */
export function runFraction(
  ids: readonly string[],
  progress: Readonly<Record<string, StrategyProgress | undefined>>,
): number {
  if (ids.length === 0) return 0;
  let sum = 0;
  for (const id of ids) {
    const p = progress[id];
    if (!p) continue;
    // A strategy's later phases (fine-tunes) restart the epoch count: count a started one at least a tenth.
    const seed = Math.min(0.95, Math.max(0.1, p.epoch / Math.max(1, p.epochs)));
    const repeats = Math.max(1, p.repeats);
    sum += p.done ? 1 : Math.min(1, (p.seedsDone + seed) / repeats);
  }
  return sum / ids.length;
}

export interface RunEstimate {
  /** Milliseconds still to go; undefined while there is nothing to go on. */
  remainingMs?: number;
  basis: 'previous run' | 'progress' | 'none';
}

/** Below these the progress says too little to extrapolate from. */
const MIN_FRACTION = 0.15;
const MIN_ELAPSED_MS = 3000;

export function estimateRemaining(elapsedMs: number, fraction: number, previousMs?: number): RunEstimate {
  // The same work on the same data took previousMs before: trust it until the run outlasts it.
  if (previousMs !== undefined && elapsedMs < previousMs * 1.1)
    return { remainingMs: Math.max(0, previousMs - elapsedMs), basis: 'previous run' };
  if (fraction >= MIN_FRACTION && elapsedMs >= MIN_ELAPSED_MS && fraction < 1)
    return { remainingMs: (elapsedMs * (1 - fraction)) / fraction, basis: 'progress' };
  return { basis: 'none' };
}

/** "0:07", "1:05", "1:02:03". */
export function clockText(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
