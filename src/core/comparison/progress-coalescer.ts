/**
 * A run's epoch events on their way to the page. Every epoch of every head, user and seed was a message
 * (thousands in a 5-seed run of the sample: 142 ms of the lab worker's 2.2 s went to posting them), while
 * the page takes them four times a second and draws only the first seed's loss curve. The curve's events all
 * go; of the others, which only move a strategy's counters, the latest goes at most every interval. A
 * sweep's page draws no curve: only its counters move. Helpers coalesce what they send the lab worker too.
 */
import type { ProgressEvent } from '../training/loop/training-types';
import type { RunProgressEvent } from './comparison-request';

/** At most one counters-only event per strategy this often, ms (the page applies them every 250 ms). */
export const PROGRESS_INTERVAL_MS = 100;

/** An epoch the page's loss curve draws: the first seed's correctness head of the shared model. */
export const onLossCurve = (e: ProgressEvent, firstSeed: boolean): boolean =>
  firstSeed && e.head === 'correctness' && e.userId === undefined;

/** onLossCurve for an event that knows its seed. */
export const onRunLossCurve = (e: RunProgressEvent): boolean => onLossCurve(e, e.seedIndex === 0);

export interface ProgressCoalescer<E extends ProgressEvent> {
  /** An epoch's event: sent now, or held as its strategy's latest. */
  progress(event: E): void;
  /** Sends the held events: before any other message, so none arrives after what follows it. */
  flush(): void;
}

/**
 * `always`: the events that all go (a training run's loss curve; a sweep draws none). A strategy's newer
 * event carries everything an older one would tell the page (its phase, head and epoch; its seed index only
 * grows), so a held event is replaced, never queued.
 */
export function coalesceProgress<E extends ProgressEvent>(
  send: (event: E) => void,
  always: (event: E) => boolean,
  intervalMs = PROGRESS_INTERVAL_MS,
  now: () => number = () => performance.now(),
): ProgressCoalescer<E> {
  const held = new Map<string, E>();
  const sentAt = new Map<string, number>();
  const sendNow = (event: E) => {
    held.delete(event.strategyId);
    sentAt.set(event.strategyId, now());
    send(event);
  };
  return {
    progress(event) {
      const last = sentAt.get(event.strategyId);
      if (always(event) || last === undefined || now() - last >= intervalMs) sendNow(event);
      else held.set(event.strategyId, event);
    },
    flush() {
      for (const event of [...held.values()]) sendNow(event);
    },
  };
}
