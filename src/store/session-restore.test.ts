// Restore never drops silently: the results of a first visit's auto-loaded sample come back after a
// reload (the sample is written as the session's dataset), and results that cannot come back are
// named in the note with the reason. Another tab's session is restored only with a note saying so.
import { describe, expect, it, vi } from 'vitest';
import type { DatasetSummary } from '../core/data/summarize-dataset';
import type { SessionKey, SessionRecord } from '../platform/lab-db';
import type { ReadSession, SessionStorage } from '../platform/session-store';
import type { LabClient } from '../worker/lab-client';
import type { ImportReply } from '../worker/protocol';
import { createLabStore, type LabStore } from './create-lab-store';
import { realReport } from '../core/report/report.test-helper';
import { frameOf } from '../core/report/compose-report';
import { presetRecipe } from '../core/strategies/catalogue';
import { DEFAULT_THRESHOLDS } from '../core/evaluation/verdicts';
import { SWEEP_METRICS, type SweepDocument } from '../core/sweep/sweep-document';

vi.mock('../platform/read-file', () => ({
  SAMPLE_NAME: 'seed-shaped.csv (sample)',
  fetchSample: async () => new Blob(['the sample']),
}));

/** One browser's IndexedDB session, shared by the "page loads" of a test. */
function memorySession(from: ReadSession['from'] = 'this-tab') {
  const parts: Partial<Record<SessionKey, SessionRecord>> = {};
  const storage: SessionStorage = {
    read: async () => ({ parts: { ...parts }, from: Object.keys(parts).length > 0 ? from : 'none' }),
    write: async (key, value) => {
      parts[key] = { key, value, savedAt: new Date().toISOString() };
    },
    clearAll: async () => undefined,
  };
  return { storage, parts };
}

/** A worker whose imports fingerprint the file's text, so the same file gives the same dataset. */
function fakeClient(): LabClient {
  return {
    catalog: async () => [],
    onRestart: () => undefined,
    importFile: async (fileName: string, file: Blob): Promise<ImportReply> => ({
      kind: 'imported',
      summary: {
        fileName,
        fingerprint: `sha256:${await file.text()}`,
        users: [],
      } as unknown as DatasetSummary,
      report: { fileName } as never,
      importMs: 1,
    }),
  } as unknown as LabClient;
}

async function pageLoad(storage: SessionStorage): Promise<LabStore> {
  const store = createLabStore(fakeClient(), { storage });
  await store.getState().startLab();
  return store;
}

async function trainedOn(store: LabStore) {
  const report = await realReport();
  store.setState({
    reportFrame: frameOf(report),
    results: Object.fromEntries(report.strategies.map((s) => [s.id, s])),
  });
  // Session writes wait a moment after the last change.
  await new Promise((resolve) => setTimeout(resolve, 500));
}

/** A small sweep document of the dataset `fingerprint` (one trained point). */
function sweepOf(fingerprint: string): SweepDocument {
  const recipe = presetRecipe('balanced-sampling');
  const spread = { mean: 0.6, sd: 0.01, lo: 0.58, hi: 0.62 };
  return {
    kind: 'retrain-lab-sweep',
    schemaVersion: 1,
    generatedAt: '2026-12-07T00:00:00.000Z',
    dataset: { fileName: 'seed-shaped.csv (sample)', rows: 917, users: 4, fingerprint },
    heldOut: { rows: 182, users: 4 },
    base: { id: 'balanced-sampling', label: '3. Balanced sampling', recipe },
    axes: [{ name: 'capPerUser', label: 'Cap per user', values: [150] }],
    reference: 'point-1',
    seeds: [42, 43],
    backend: 'wasm',
    thresholds: DEFAULT_THRESHOLDS,
    validation: { mode: 'per-user-tail', share: 0.2 },
    resamples: 1000,
    points: [
      {
        status: 'ok',
        id: 'point-1',
        label: 'Cap per user 150',
        values: { capPerUser: 150 },
        recipe,
        seeds: [42, 43],
        trainMs: 100,
        metrics: Object.fromEntries(SWEEP_METRICS.map((m) => [m, spread])) as Record<
          (typeof SWEEP_METRICS)[number],
          typeof spread
        >,
        passRate: { continuous: 1, responsive: 0, generalizes: 1, all: 0 },
        vsReference: null,
      },
    ],
    best: {
      metric: 'userLogLoss',
      point: 'point-1',
      notToldApart: [],
      headline: 'Cap per user 150: per-user log loss 0.6.',
    },
    constantRate: { userLogLoss: 0.86 },
  };
}

describe('restoring a session', () => {
  it('the last sweep comes back after a reload, and not onto another dataset', async () => {
    const { storage, parts } = memorySession();
    const first = await pageLoad(storage);
    const fingerprint = first.getState().summary?.fingerprint as string;
    first.setState({ sweepResult: sweepOf(fingerprint) });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(parts.sweep?.value).toMatchObject({ fingerprint });

    const reloaded = await pageLoad(storage);
    expect(reloaded.getState().sweepResult?.best?.headline).toBe('Cap per user 150: per-user log loss 0.6.');
    expect(reloaded.getState().sessionNote).toMatch(/the last sweep \(1 point × 2 seeds\)/);

    await storage.write('dataset', { schemaVersion: 1, fileName: 'other.csv', file: new Blob(['other']) });
    const elsewhere = await pageLoad(storage);
    expect(elsewhere.getState().sweepResult).toBeUndefined();
    expect(elsewhere.getState().sessionNote).toMatch(/the last sweep \(it was made on another dataset\)/);
  });

  it('a first visit: the sample’s results come back after a reload', async () => {
    const { storage, parts } = memorySession();
    const first = await pageLoad(storage);
    expect(first.getState().summary?.fileName).toBe('seed-shaped.csv (sample)');
    expect(first.getState().sessionNote).toBeUndefined();
    await trainedOn(first);
    expect(parts.dataset?.value).toMatchObject({ fileName: 'seed-shaped.csv (sample)' });

    const reloaded = await pageLoad(storage);
    expect(Object.keys(reloaded.getState().results)).toEqual(['weighted-loss', 'per-user']);
    expect(reloaded.getState().sessionNote).toMatch(
      /^Restored from your last session: seed-shaped\.csv \(sample\), results of 2 strategies/,
    );
  });

  it('results of another dataset are named in the note, not dropped silently', async () => {
    const { storage, parts } = memorySession();
    const first = await pageLoad(storage);
    await trainedOn(first);
    // Another file stands in the stored dataset's place (another tab's, an older version's): the results
    // cannot belong to it.
    await storage.write('dataset', { schemaVersion: 1, fileName: 'other.csv', file: new Blob(['other']) });
    expect(parts.dataset).toBeDefined();
    const reloaded = await pageLoad(storage);
    expect(reloaded.getState().results).toEqual({});
    expect(reloaded.getState().sessionNote).toMatch(
      /Not restored: results of an earlier run \(they belong to dataset .+…, not to the one loaded\)\./,
    );
  });

  it('a new dataset clears the stored results too, so a reload has nothing to refuse', async () => {
    const { storage, parts } = memorySession();
    const first = await pageLoad(storage);
    await trainedOn(first);
    await first.getState().importFile(new File(['another file'], 'other.csv'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(parts.results?.value).toBeNull();
    const reloaded = await pageLoad(storage);
    expect(reloaded.getState().summary?.fileName).toBe('other.csv');
    expect(reloaded.getState().sessionNote).toBe('Restored from your last session: other.csv.');
  });

  it('another open tab’s session is restored only with a note saying so', async () => {
    const { storage } = memorySession('open-tab');
    await storage.write('dataset', { schemaVersion: 1, fileName: 'theirs.csv', file: new Blob(['theirs']) });
    const store = await pageLoad(storage);
    expect(store.getState().sessionNote).toBe(
      'Restored from the session of another open tab of the lab (this tab keeps its own from now on): theirs.csv.',
    );
  });
});
