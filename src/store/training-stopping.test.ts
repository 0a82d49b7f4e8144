// A Cancel is answered as soon as the worker has it: "Cancelling…" while the intervals of what finished are
// computed (seconds on a big file), progress arriving late does not overwrite it, and the reply ends it.
import { describe, expect, it } from 'vitest';
import type { DatasetSummary } from '../core/data/summarize-dataset';
import { createLabStore } from './create-lab-store';
import { epochEvent, fakeLabClient } from './fake-lab-client.test-helper';

const summary = { fileName: 'f.csv', rows: 1, users: [], topics: [] } as unknown as DatasetSummary;
const progress = (strategyId: string) => epochEvent(strategyId);

describe('cancelling a run', () => {
  it('says "Cancelling" when the worker stops, keeps saying it through late progress, then "cancelled"', async () => {
    const { client, runs } = fakeLabClient(() => summary);
    const store = createLabStore(client);
    const trained = store.getState().trainStrategies(['full-retrain', 'per-user']);
    const run = runs[0];
    if (!run) throw new Error('no run started');
    run.emit(progress('full-retrain'));
    store.getState().cancelTraining();
    run.emit({ kind: 'stopping' });
    expect(store.getState().trainStatus).toBe('Cancelling: training stopped; keeping what finished…');
    run.emit(progress('per-user'));
    await new Promise((resolve) => setTimeout(resolve, 300)); // past the progress batching
    expect(store.getState().trainStatus).toBe('Cancelling: training stopped; keeping what finished…');
    run.finish({ kind: 'cancelled', finished: [] });
    await trained;
    expect(store.getState().trainStatus).toBe('Training cancelled; 0 finished in this run, 0 results kept');
    expect(store.getState().runId).toBeUndefined();

    // The next run starts with a running status again.
    void store.getState().trainStrategies(['full-retrain']);
    runs[1]?.emit(progress('full-retrain'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(store.getState().trainStatus).toMatch(/^Training 1\. Full retrain|^Training full-retrain/);
  });
});
