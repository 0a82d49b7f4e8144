/**
 * The run history slice: every training run of this browser (newest first) as kept in IndexedDB, renamed
 * and deleted from the Run history view, and the run clock (when the run in progress started and how long
 * the same work took last time). Runs are recorded by run-recorder; without storage they live in memory.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { RunRecord } from '../core/report/run-record';
import type { RunHistoryStorage } from '../platform/run-history';

export interface RunClock {
  /** Date.now() when the run in progress started. */
  startedAt?: number;
  /** How long the same work on the same data took last time, ms. */
  previousMs?: number;
  /** How long the last run took, ms. */
  lastMs?: number;
}

export interface HistorySlice {
  runs: RunRecord[];
  /** Why the history could not be read or written; cleared by the next success. */
  historyError?: string;
  runClock: RunClock;
  loadRunHistory(): Promise<void>;
  addRun(run: RunRecord): Promise<void>;
  renameRun(id: string, name: string): Promise<void>;
  deleteRun(id: string): Promise<void>;
}

export const createHistorySlice =
  (storage?: RunHistoryStorage): StateCreator<HistorySlice, [], [], HistorySlice> =>
  (set, get) => {
    const keep = async (work: () => Promise<void> | undefined, what: string) => {
      try {
        await work();
        if (get().historyError) set({ historyError: undefined });
      } catch (error) {
        set({
          historyError: `The run history could not be ${what} in this browser (${(error as Error).message}); the runs shown stay until the page is closed.`,
        });
      }
    };
    return {
      runs: [],
      runClock: {},
      loadRunHistory: () =>
        keep(async () => {
          if (!storage) return;
          const stored = await storage.list();
          // Runs recorded before the list arrived stay in front.
          const ids = new Set(get().runs.map((r) => r.id));
          set((s) => ({ runs: [...s.runs, ...stored.filter((r) => !ids.has(r.id))] }));
        }, 'read'),
      addRun: async (run) => {
        set((s) => ({ runs: [run, ...s.runs.filter((r) => r.id !== run.id)] }));
        await keep(() => storage?.put(run), 'written');
      },
      renameRun: async (id, name) => {
        const trimmed = name.trim();
        const run = get().runs.find((r) => r.id === id);
        if (!run || trimmed === '' || trimmed === run.name) return;
        const renamed = { ...run, name: trimmed };
        set((s) => ({ runs: s.runs.map((r) => (r.id === id ? renamed : r)) }));
        await keep(() => storage?.put(renamed), 'written');
      },
      deleteRun: async (id) => {
        set((s) => ({ runs: s.runs.filter((r) => r.id !== id) }));
        await keep(() => storage?.delete(id), 'written');
      },
    };
  };
