/**
 * Model bundles saved in the browser: save (index entry and bytes in ONE transaction, so a quota
 * error or a crash leaves nothing half-written), list, read back, delete. A refused write becomes a
 * StorageError whose message says what happened and what to do.
 */
import { openLabDb, type SavedModelInfo } from './lab-db';

export class StorageError extends Error {
  override name = 'StorageError';
}

export async function saveModel(info: SavedModelInfo, bytes: Uint8Array): Promise<void> {
  const db = await openLabDb();
  const tx = db.transaction(['model-index', 'model-bytes'], 'readwrite');
  const done = tx.done;
  done.catch(() => undefined); // observed below; an abort must not also surface as unhandled
  const writes: Promise<unknown>[] = [];
  try {
    // A value that cannot be stored throws synchronously and does NOT abort the transaction by
    // itself: without the explicit abort the index entry would commit alone.
    writes.push(tx.objectStore('model-index').put(info));
    writes.push(tx.objectStore('model-bytes').put({ key: info.key, bytes }));
    await Promise.all([...writes, done]);
  } catch (error) {
    for (const w of writes) w.catch(() => undefined);
    try {
      tx.abort();
    } catch {
      // Already aborted by the browser (e.g. quota): nothing was written.
    }
    throw new StorageError(await storageErrorMessage(error, info.sizeBytes));
  } finally {
    db.close();
  }
}

/** Newest first. */
export async function listSavedModels(): Promise<SavedModelInfo[]> {
  const db = await openLabDb();
  try {
    return (await db.getAllFromIndex('model-index', 'savedAt')).reverse();
  } finally {
    db.close();
  }
}

export async function readSavedModel(
  key: string,
): Promise<{ info: SavedModelInfo; bytes: Uint8Array } | undefined> {
  const db = await openLabDb();
  try {
    const tx = db.transaction(['model-index', 'model-bytes']);
    const [info, record] = await Promise.all([
      tx.objectStore('model-index').get(key),
      tx.objectStore('model-bytes').get(key),
    ]);
    return info && record ? { info, bytes: record.bytes } : undefined;
  } finally {
    db.close();
  }
}

export async function deleteSavedModel(key: string): Promise<void> {
  const db = await openLabDb();
  try {
    const tx = db.transaction(['model-index', 'model-bytes'], 'readwrite');
    await Promise.all([
      tx.objectStore('model-index').delete(key),
      tx.objectStore('model-bytes').delete(key),
      tx.done,
    ]);
  } finally {
    db.close();
  }
}

/** Plain words for a refused write; quota errors say how much space there is. */
export async function storageErrorMessage(error: unknown, sizeBytes: number): Promise<string> {
  const name = (error as { name?: string } | null)?.name;
  const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
  if (name === 'QuotaExceededError') {
    let room = '';
    try {
      const { usage, quota } = await navigator.storage.estimate();
      if (usage !== undefined && quota !== undefined) room = ` (this site uses ${mb(usage)} of ${mb(quota)})`;
    } catch {
      // No estimate available: the message stays useful without it.
    }
    return `The browser refused to store the ${mb(sizeBytes)} model: its storage quota is full${room}. Nothing was saved. Delete saved models you no longer need, or use Download model instead.`;
  }
  const detail = error instanceof Error ? error.message : String(error);
  return `The model could not be saved in the browser (${name ?? 'error'}: ${detail}). Nothing was saved; Download model still works.`;
}
