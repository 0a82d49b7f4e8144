// Finished strategies reach the page in batches: a burst of them (the six of one seed finish within
// milliseconds of each other on the sample) is one update of the results, shown within RESULTS_FLUSH_MS
// even while a batch of epochs waits for its own, longer, flush.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DatasetSummary } from '../core/data/summarize-dataset';
import type { ReportStrategy } from '../core/report/report-types';
import { createLabStore } from './create-lab-store';
import { epochEvent, fakeLabClient } from './fake-lab-client.test-helper';

const summary = { fileName: 'f.csv', rows: 1, users: [], topics: [] } as unknown as DatasetSummary;
// Six strategies finishing together (any ids: the store does not know the catalogue's here).
const ids = ['s1', 's2', 's3', 's4', 's5', 's6'];
const done = (id: string, seedsDone: number) => ({
  kind: 'strategy-done' as const,
  entry: { status: 'ok', id, seed: 42, seeds: [42, 43].slice(0, seedsDone) } as unknown as ReportStrategy,
  progress: { seedIndex: seedsDone - 1, seedsDone, repeats: 2, complete: seedsDone === 2 },
});
const epoch = (strategyId: string) => epochEvent(strategyId, 2);

afterEach(() => vi.useRealTimers());

describe('finished strategies on the page', () => {
  it('takes a burst of results as one update, within 100 ms, ahead of waiting epochs', () => {
    vi.useFakeTimers();
    const { client, runs } = fakeLabClient(() => summary);
    const store = createLabStore(client);
    store.getState().setRepeats(2);
    void store.getState().trainStrategies(ids);
    const run = runs[0];
    if (!run) throw new Error('no run started');
    let updates = 0;
    store.subscribe((s, before) => void (s.results !== before.results && updates++));

    run.emit(epoch('s1')); // waits for the 250 ms epoch batch
    for (const id of ids) run.emit(done(id, 1));
    vi.advanceTimersByTime(99);
    expect(store.getState().results).toEqual({});
    vi.advanceTimersByTime(1);
    expect(Object.keys(store.getState().results)).toEqual(ids);
    expect(updates).toBe(1);
    // The epoch that came first is in the same update, and the status counts the seeds done.
    expect(store.getState().progress.s1).toMatchObject({ epoch: 1, seedsDone: 1, done: false });
    expect(store.getState().trainStatus).toMatch(/seed 2 of 2 \(6 of 12 runs done\)/);
    expect(store.getState().predictionsHeld).toBe(true);

    run.emit(done('s6', 2));
    vi.advanceTimersByTime(100);
    expect(store.getState().progress.s6).toMatchObject({ seedsDone: 2, done: true });
    expect(updates).toBe(2);
  });

  it('shows every result that arrived before the reply, with the final status', async () => {
    const { client, runs } = fakeLabClient(() => summary);
    const store = createLabStore(client);
    const trained = store.getState().trainStrategies(['full-retrain']);
    const run = runs[0];
    if (!run) throw new Error('no run started');
    run.emit(done('full-retrain', 1));
    run.finish({ kind: 'cancelled', finished: ['full-retrain'] });
    await trained;
    expect(Object.keys(store.getState().results)).toEqual(['full-retrain']);
    expect(store.getState().trainStatus).toBe('Training cancelled; 1 finished in this run, 1 results kept');
  });
});
