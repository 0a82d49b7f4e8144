/**
 * The sweep slice: the sweep in progress (its points and seeds, the epochs of the runs training now),
 * what the status line says, the last finished sweep — kept through a later sweep's failure or cancel —
 * and "Use this value", which makes a point's recipe an own strategy to train with the others.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { SweepDocument } from '../core/sweep/sweep-document';
import type { Checked } from '../core/strategies/recipe-schema';
import type { LabClient } from '../worker/lab-client';
import type { RunId, SweepEvent } from '../worker/protocol';
import type { OwnStrategySlice } from './own-strategy-slice';
import type { SettingsSlice } from './settings-slice';
import { checkSweepDraft, type SweepDraft } from './sweep-draft';
import { sweepPointStrategy } from './sweep-point-strategy';
import type { TrainingSlice } from './training-slice';

/** "1 seed", "5 seeds". */
const counted = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

export interface SweepProgress {
  points: number;
  repeats: number;
  /** Finished seeds per point. */
  seedsDone: Record<string, number>;
  /** Share of the current seed's epochs done, per point training now. */
  partial: Record<string, number>;
  /** The latest epoch's point (1-based) and seed (1-based). */
  point: number;
  seed: number;
}

export interface SweepSlice {
  sweepRunId?: RunId;
  sweepProgress?: SweepProgress;
  /** What the sweep's role="status" line reads. */
  sweepStatus: string;
  /** The last sweep that finished: a failed or cancelled one never replaces it. */
  sweepResult?: SweepDocument;
  sweepError?: string;
  /** When the sweep in progress started, and how long the last one took (ms). */
  sweepClock: { startedAt?: number; lastMs?: number };
  /** Checks the draft and runs it; a refusal goes to sweepError. */
  runSweep(draft: SweepDraft): Promise<void>;
  cancelSweep(): void;
  /** "Use this value": the point's value(s) into the own strategy swept, or a new own strategy from the preset. */
  useSweepPoint(pointId: string): Checked<string>;
}

type Deps = SweepSlice &
  SettingsSlice &
  OwnStrategySlice &
  Pick<TrainingSlice, 'runId' | 'results' | 'progress' | 'preview'>;

const PROGRESS_FLUSH_MS = 250;

/** "Sweeping: point 3 of 5, seed 2 of 5 (7 of 25 runs done)". */
export function sweepStatusText(p: SweepProgress): string {
  const done = Object.values(p.seedsDone).reduce((a, b) => a + b, 0);
  return `Sweeping: point ${p.point} of ${p.points}, seed ${p.seed} of ${p.repeats} (${done} of ${p.points * p.repeats} runs done)`;
}

/** Share (0–1) of the sweep's runs done, counting the runs in training by their epochs. */
export function sweepFraction(p: SweepProgress | undefined): number {
  if (!p || p.points === 0) return 0;
  const done = Object.values(p.seedsDone).reduce((a, b) => a + b, 0);
  const partial = Object.values(p.partial).reduce((a, b) => a + b, 0);
  return Math.min(1, (done + partial) / (p.points * p.repeats));
}

export const createSweepSlice =
  (client: LabClient): StateCreator<Deps, [], [], SweepSlice> =>
  (set, get) => {
    // Epochs arrive every few milliseconds; the page takes them a few times a second, as training does.
    let pending: Extract<SweepEvent, { kind: 'progress' }>['event'][] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      const events = pending;
      pending = [];
      const p = get().sweepProgress;
      if (events.length === 0 || !p) return;
      const partial = { ...p.partial };
      for (const e of events) partial[e.strategyId] = Math.min(0.95, e.epoch / Math.max(1, e.epochs));
      const last = events[events.length - 1] as (typeof events)[number];
      // Point ids are point-1, point-2, … in the plan's order.
      const point = Number(/\d+$/.exec(last.strategyId)?.[0] ?? p.point);
      const next = { ...p, partial, point, seed: last.seedIndex + 1 };
      set({ sweepProgress: next, sweepStatus: sweepStatusText(next) });
    };
    const onEvent = (event: SweepEvent) => {
      if (event.kind === 'progress') {
        pending.push(event.event);
        timer ??= setTimeout(flush, PROGRESS_FLUSH_MS);
        return;
      }
      if (event.kind !== 'point-done') return;
      flush();
      const p = get().sweepProgress;
      if (!p) return;
      const partial = { ...p.partial };
      delete partial[event.pointId];
      const next = { ...p, partial, seedsDone: { ...p.seedsDone, [event.pointId]: event.seedsDone } };
      set({ sweepProgress: next, sweepStatus: sweepStatusText(next) });
    };
    return {
      sweepStatus: 'No sweep yet',
      sweepClock: {},
      async runSweep(draft) {
        const state = get();
        if (state.sweepRunId !== undefined || state.runId !== undefined) return;
        const checked = checkSweepDraft(state, draft);
        if (!checked.ok) return set({ sweepError: checked.reason });
        const run = client.sweep(checked.request, onEvent);
        const startedAt = Date.now();
        const progress: SweepProgress = {
          points: checked.points,
          repeats: checked.request.repeats,
          seedsDone: {},
          partial: {},
          point: 1,
          seed: 1,
        };
        set({
          sweepRunId: run.runId,
          sweepProgress: progress,
          sweepStatus: `Sweeping: ${counted(checked.points, 'point')} × ${counted(checked.request.repeats, 'seed')}…`,
          sweepError: undefined,
          sweepClock: { ...get().sweepClock, startedAt },
        });
        const reply = await run.done;
        if (timer !== undefined) clearTimeout(timer);
        timer = undefined;
        pending = [];
        const lastMs = Date.now() - startedAt;
        if (reply.kind === 'swept') {
          const failed = reply.document.points.filter((p) => p.status === 'failed').length;
          set({
            sweepResult: reply.document,
            sweepStatus: `Sweep done: ${counted(reply.document.points.length, 'point')} × ${counted(reply.document.seeds.length, 'seed')}${failed > 0 ? `, ${failed} failed` : ''}`,
          });
        } else if (reply.kind === 'sweep-cancelled') {
          set({
            sweepStatus: `Sweep cancelled${get().sweepResult ? '; the previous sweep’s results are kept' : ''}`,
          });
        } else {
          set({
            sweepStatus: `Sweep failed${get().sweepResult ? '; the previous sweep’s results are kept' : ''}`,
            sweepError: reply.message,
          });
        }
        set({ sweepRunId: undefined, sweepProgress: undefined, sweepClock: { lastMs } });
      },
      cancelSweep() {
        const { sweepRunId } = get();
        if (sweepRunId !== undefined) client.cancel(sweepRunId);
      },
      useSweepPoint(pointId) {
        const state = get();
        const made = sweepPointStrategy(state, pointId);
        if (!made.ok) return made;
        const { update, draft } = made.value;
        return update ? state.updateOwnStrategy(update, draft) : state.addOwnStrategy(draft);
      },
    };
  };
