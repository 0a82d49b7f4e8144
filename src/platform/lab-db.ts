/**
 * The lab's IndexedDB database: a versioned schema opened through `idb`, with one upgrade step per
 * version so a browser holding an older database is migrated in order, never wiped. Usable from the
 * page and from the lab worker.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { RunRecord } from '../core/report/run-record';

export const LAB_DB_NAME = 'retrain-lab';
export const LAB_DB_VERSION = 3;

/** What the saved-models list shows; the bundle's bytes live apart so listing never loads them. */
export interface SavedModelInfo {
  key: string;
  /** The bundle's file name, e.g. "retrain-lab-progressive-2026-11-28.zip". */
  fileName: string;
  strategyId: string;
  strategyLabel: string;
  /** When the bundle was made (ISO). */
  createdAt: string;
  savedAt: string;
  sizeBytes: number;
  idsMasked: boolean;
  datasetFingerprint: string;
  seed: number;
}

/**
 * One part of a tab's last session (dataset file, settings, results, the last sweep); `value` is checked
 * by the store.
 * Stored under "<tabId>:<part>" (platform/session-store); records from before per-tab sessions have the
 * part as their key and no tab.
 */
export interface SessionRecord {
  key: string;
  value: unknown;
  savedAt: string;
  tabId?: string;
  part?: SessionKey;
}
export type SessionKey = 'dataset' | 'settings' | 'results' | 'sweep';

export interface LabDbSchema extends DBSchema {
  'model-index': { key: string; value: SavedModelInfo; indexes: { savedAt: string } };
  'model-bytes': { key: string; value: { key: string; bytes: Uint8Array } };
  session: { key: string; value: SessionRecord };
  /** Every training run of this browser (version 3): the run history. */
  runs: { key: string; value: RunRecord; indexes: { startedAt: string } };
}

export type LabDb = IDBPDatabase<LabDbSchema>;

export function openLabDb(version = LAB_DB_VERSION): Promise<LabDb> {
  return openDB<LabDbSchema>(LAB_DB_NAME, version, {
    upgrade(db, oldVersion, newVersion) {
      // One block per version, applied in order: a database at version n runs the steps after n, up to
      // the version asked for (tests open older versions to check the migration).
      const target = newVersion ?? LAB_DB_VERSION;
      if (oldVersion < 1) {
        db.createObjectStore('model-index', { keyPath: 'key' }).createIndex('savedAt', 'savedAt');
        db.createObjectStore('model-bytes', { keyPath: 'key' });
      }
      if (oldVersion < 2 && target >= 2) db.createObjectStore('session', { keyPath: 'key' });
      if (oldVersion < 3 && target >= 3)
        db.createObjectStore('runs', { keyPath: 'id' }).createIndex('startedAt', 'startedAt');
    },
  });
}
