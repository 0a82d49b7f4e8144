/**
 * The run history in IndexedDB (the lab database's `runs` store): every training run of this browser,
 * listed newest first, renamed and deleted one by one. Cleared with everything else by Clear all data.
 */
import type { RunRecord } from '../core/report/run-record';
import { openLabDb } from './lab-db';

export interface RunHistoryStorage {
  /** Newest first. */
  list(): Promise<RunRecord[]>;
  put(run: RunRecord): Promise<void>;
  delete(id: string): Promise<void>;
}

async function withDb<T>(work: (db: Awaited<ReturnType<typeof openLabDb>>) => Promise<T>): Promise<T> {
  const db = await openLabDb();
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

export const indexedDbRunHistory: RunHistoryStorage = {
  list: () => withDb(async (db) => (await db.getAllFromIndex('runs', 'startedAt')).reverse()),
  put: (run) => withDb(async (db) => void (await db.put('runs', run))),
  delete: (id) => withDb((db) => db.delete('runs', id)),
};
