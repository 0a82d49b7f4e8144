import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openLabDb } from './lab-db';
import { listSavedModels } from './saved-models';
import { indexedDbSession } from './session-store';

describe('the lab database', () => {
  it('migrates a version-1 database in place, step by step: saved models and the session survive, session and run stores appear', async () => {
    const v1 = await openLabDb(1);
    expect([...v1.objectStoreNames].sort()).toEqual(['model-bytes', 'model-index']);
    await v1.put('model-index', {
      key: 'old',
      fileName: 'retrain-lab-progressive-2026-11-01.zip',
      strategyId: 'progressive',
      strategyLabel: '5. Progressive training',
      createdAt: '2026-11-01T00:00:00Z',
      savedAt: '2026-11-01T00:00:00Z',
      sizeBytes: 1,
      idsMasked: false,
      datasetFingerprint: 'x',
      seed: 1,
    });
    v1.close();
    const v2 = await openLabDb(2);
    expect([...v2.objectStoreNames].sort()).toEqual(['model-bytes', 'model-index', 'session']);
    expect(await v2.count('model-index')).toBe(1);
    await v2.put('session', { key: 'settings', value: { seed: 3 }, savedAt: '2026-11-02T00:00:00Z' });
    v2.close();
    // Version 3 adds the run history; the saved model and the session stay.
    const v3 = await openLabDb();
    expect([...v3.objectStoreNames].sort()).toEqual(['model-bytes', 'model-index', 'runs', 'session']);
    expect((await v3.get('session', 'settings'))?.value).toEqual({ seed: 3 });
    v3.close();
    expect((await listSavedModels()).map((m) => m.key)).toEqual(['old']);
  });

  it('keeps each session part, and Clear all data removes everything', async () => {
    await indexedDbSession.write('settings', { seed: 7 });
    await indexedDbSession.write('dataset', { fileName: 'a.csv', file: new Blob(['x']) });
    const session = await indexedDbSession.read();
    expect(session.from).toBe('this-tab');
    expect(session.parts.settings?.value).toEqual({ seed: 7 });
    expect(Object.keys(session.parts).sort()).toEqual(['dataset', 'settings']);
    await indexedDbSession.clearAll();
    expect(await indexedDbSession.read()).toEqual({ parts: {}, from: 'none' });
    expect(await listSavedModels()).toEqual([]);
  });
});
