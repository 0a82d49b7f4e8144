import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openLabDb, type SavedModelInfo } from './lab-db';
import {
  deleteSavedModel,
  listSavedModels,
  readSavedModel,
  saveModel,
  storageErrorMessage,
} from './saved-models';

const info = (key: string, savedAt: string): SavedModelInfo => ({
  key,
  fileName: `retrain-lab-progressive-${key}.zip`,
  strategyId: 'progressive',
  strategyLabel: '5. Progressive',
  createdAt: savedAt,
  savedAt,
  sizeBytes: 3,
  idsMasked: false,
  datasetFingerprint: 'f'.repeat(64),
  seed: 42,
});

describe('saved models in IndexedDB', () => {
  it('saves, lists newest first, reads back byte for byte, and deletes both parts', async () => {
    await saveModel(info('a', '2026-11-28T10:00:00Z'), new Uint8Array([1, 2, 3]));
    await saveModel(info('b', '2026-11-28T11:00:00Z'), new Uint8Array([4, 5, 6]));
    expect((await listSavedModels()).map((m) => m.key)).toEqual(['b', 'a']);
    expect(Array.from((await readSavedModel('a'))?.bytes ?? [])).toEqual([1, 2, 3]);
    await deleteSavedModel('a');
    expect((await listSavedModels()).map((m) => m.key)).toEqual(['b']);
    expect(await readSavedModel('a')).toBeUndefined();
    const db = await openLabDb();
    expect(await db.count('model-bytes')).toBe(1);
    db.close();
    await deleteSavedModel('b');
  });

  it('writes nothing when part of a save fails (one transaction)', async () => {
    // A bytes record that cannot be stored (a function is not cloneable) aborts the whole transaction.
    await expect(
      saveModel(info('c', '2026-11-28T12:00:00Z'), (() => 0) as unknown as Uint8Array),
    ).rejects.toThrow(/could not be saved in the browser.*Nothing was saved/);
    expect(await listSavedModels()).toEqual([]);
  });

  it('explains a full quota in plain words', async () => {
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    expect(await storageErrorMessage(quota, 2_500_000)).toMatch(
      /^The browser refused to store the 2\.5 MB model: its storage quota is full.*Nothing was saved\. Delete saved models/,
    );
  });
});
