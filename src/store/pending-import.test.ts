// An import asked for during a training run is never a silent wait that later throws the run away: the
// store holds it until the person stops the run (then imports) or keeps training (then it is dropped,
// and said so). A new dataset resets the status, so "All strategies trained" never sits above nothing.
import { describe, expect, it, vi } from 'vitest';
import type { DatasetSummary } from '../core/data/summarize-dataset';
import type { RunId } from '../worker/message-ids';
import { createLabStore } from './create-lab-store';
import { fakeLabClient } from './fake-lab-client.test-helper';

const summary = (fingerprint: string): DatasetSummary => ({
  fileName: 'f.csv',
  rows: 1,
  skippedRows: 0,
  notCompletedRows: 0,
  fingerprint,
  users: [],
  topics: [],
  firstTaskAt: '',
  lastTaskAt: '',
  correctRate: 1,
  hasPredictedCorrect: false,
  hasTrueP: false,
});

function labWithFakeWorker() {
  let fingerprint = 'a';
  // Each import brings a different dataset (a new fingerprint), as a new file would.
  const { client } = fakeLabClient(() => summary((fingerprint = `${fingerprint}+`)));
  const spies = { cancel: vi.spyOn(client, 'cancel'), importFile: vi.spyOn(client, 'importFile') };
  return { store: createLabStore(client), client: spies };
}

const file = (name: string) => new File(['x'], name);

describe('import during training', () => {
  it('waits for the person: stop the run, then import', async () => {
    const { store, client } = labWithFakeWorker();
    store.setState({ runId: 7 as RunId, trainStatus: 'Training 6 strategies…' });
    await store.getState().importFile(file('next.csv'));
    expect(client.importFile).not.toHaveBeenCalled();
    expect(store.getState().pendingImport).toEqual({ fileName: 'next.csv' });

    const done = store.getState().confirmPendingImport();
    expect(client.cancel).toHaveBeenCalledWith(7);
    expect(store.getState().pendingImport).toBeUndefined();
    // The import goes to the worker only once the run has ended.
    await Promise.resolve();
    expect(client.importFile).not.toHaveBeenCalled();
    store.setState({
      runId: undefined,
      trainStatus: 'Training cancelled; 2 finished in this run, 2 results kept',
    });
    await done;
    expect(client.importFile).toHaveBeenCalledWith('next.csv', expect.any(File));
    expect(store.getState().summary?.fileName).toBe('next.csv');
    // A new dataset: its status is its own, not the old run's.
    expect(store.getState().trainStatus).toBe('Not trained yet');
  });

  it('keep training: the file is not imported, and the page says so', async () => {
    const { store, client } = labWithFakeWorker();
    store.setState({ runId: 3 as RunId });
    await store.getState().loadSample();
    store.getState().dismissPendingImport();
    expect(client.cancel).not.toHaveBeenCalled();
    expect(client.importFile).not.toHaveBeenCalled();
    expect(store.getState().pendingImport).toBeUndefined();
    expect(store.getState().importNote).toBe('seed-shaped.csv (sample) was not imported: training goes on.');
  });

  it('imports at once when nothing trains, and a new dataset never keeps "All strategies trained"', async () => {
    const { store, client } = labWithFakeWorker();
    store.setState({ trainStatus: 'All strategies trained', results: { x: {} as never } });
    await store.getState().importFile(file('other.csv'));
    expect(client.importFile).toHaveBeenCalledTimes(1);
    expect(store.getState().results).toEqual({});
    expect(store.getState().trainStatus).toBe('Not trained yet');
  });
});
