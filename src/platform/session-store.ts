/**
 * The last session in IndexedDB: the imported file itself (a Blob, so a restore re-imports exactly it),
 * the settings and the results, each written on its own when it changes; and "Clear all data", which
 * deletes the whole database — saved models included.
 */
import { deleteDB } from 'idb';
import { LAB_DB_NAME, openLabDb, type SessionKey, type SessionRecord } from './lab-db';

export interface SessionStorage {
  read(): Promise<Partial<Record<SessionKey, SessionRecord>>>;
  write(key: SessionKey, value: unknown): Promise<void>;
  clearAll(): Promise<void>;
}

export const indexedDbSession: SessionStorage = {
  async read() {
    const db = await openLabDb();
    try {
      const records = await db.getAll('session');
      return Object.fromEntries(records.map((r) => [r.key, r]));
    } finally {
      db.close();
    }
  },
  async write(key, value) {
    const db = await openLabDb();
    try {
      await db.put('session', { key, value, savedAt: new Date().toISOString() });
    } finally {
      db.close();
    }
  },
  async clearAll() {
    await deleteDB(LAB_DB_NAME, {
      blocked: () => {
        // Another tab holds the database open: the deletion completes when it closes it.
      },
    });
  },
};
