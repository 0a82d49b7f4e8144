// The sweep slice with a driven client: a refused draft never reaches the worker, progress reads
// "point k of N, seed j of M", a finished sweep is kept through a later cancel or failure, "Use this value"
// makes or changes an own strategy, and with masking on the sweep shown and downloaded names no user.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { activateBackend } from '../core/backend/activate-backend';
import { importTasksFromBytes } from '../core/data/import-tasks';
import { summarizeDataset, type DatasetSummary } from '../core/data/summarize-dataset';
import { planSweep, presetBase } from '../core/sweep/plan-sweep';
import { runSweep } from '../core/sweep/run-sweep';
import type { SweepDocument } from '../core/sweep/sweep-document';
import { createLabStore } from './create-lab-store';
import { fakeLabClient } from './fake-lab-client.test-helper';
import { DEFAULT_SWEEP_DRAFT } from './sweep-draft';
import { displaySweep, displaySweepView } from './sweep-view';

let summary: DatasetSummary;
let document: SweepDocument;

beforeAll(async () => {
  const bytes = readFileSync(new URL('../../fixtures/seed-shaped.csv', import.meta.url));
  const imported = importTasksFromBytes(new Uint8Array(bytes), 'seed-shaped.csv');
  if (imported.kind !== 'ok') throw new Error('sample refused');
  summary = await summarizeDataset(imported.dataset);
  const activation = await activateBackend('wasm');
  if (!activation.ok) throw new Error(activation.reason);
  const plan = planSweep(presetBase('balanced-sampling', { epochs: 2 }), [
    { name: 'capPerUser', values: [25, 150] },
    { name: 'weightExponent', values: [0, 1] },
  ]);
  document = await runSweep({
    plan,
    dataset: imported.dataset,
    summary,
    seed: 3,
    repeats: 2,
    backend: 'wasm',
  });
}, 60_000);

const settle = () => new Promise((r) => setTimeout(r, 0));

async function ready() {
  const driven = fakeLabClient(() => summary);
  const store = createLabStore(driven.client);
  await settle();
  await store.getState().importFile(new File(['x'], 'seed-shaped.csv'));
  return { store, ...driven };
}

describe('the sweep slice', () => {
  it('refuses a draft in one line before anything is sent', async () => {
    const { store, sweeps } = await ready();
    await store.getState().runSweep({ ...DEFAULT_SWEEP_DRAFT, values: '25,abc' });
    expect(store.getState().sweepError).toMatch(/^capPerUser: "abc" is /);
    await store.getState().runSweep({ ...DEFAULT_SWEEP_DRAFT, param: 'minTasks', values: '5,10' });
    expect(store.getState().sweepError).toMatch(/^minTasks changes nothing in "3\. Balanced sampling"/);
    expect(sweeps).toHaveLength(0);
  });

  it('sends the preset with its Train-panel options, reads progress, and keeps the last sweep through a cancel and a failure', async () => {
    const { store, sweeps, cancelled } = await ready();
    store.getState().setStrategyOption('balanced-sampling', 'epochs', 3);
    const first = store.getState().runSweep({ ...DEFAULT_SWEEP_DRAFT, values: '25,150', repeats: 2 });
    const run = sweeps[0];
    if (!run) throw new Error('no sweep sent');
    expect(run.request).toMatchObject({
      base: { kind: 'preset', id: 'balanced-sampling', options: { epochs: 3 } },
      axes: [{ name: 'capPerUser', values: [25, 150] }],
      repeats: 2,
      seed: store.getState().seed,
    });
    const progress = {
      phase: 'train',
      head: 'correctness' as const,
      loss: 1,
      valLoss: null,
      seed: 1,
      repeats: 2,
    };
    run.emit({
      kind: 'progress',
      event: { ...progress, strategyId: 'point-2', epoch: 1, epochs: 2, seedIndex: 0 },
    });
    run.emit({
      kind: 'point-done',
      pointId: 'point-1',
      point: 1,
      points: 2,
      seedsDone: 1,
      repeats: 2,
      complete: false,
    });
    expect(store.getState().sweepStatus).toBe('Sweeping: point 2 of 2, seed 1 of 2 (1 of 4 runs done)');
    run.finish({ kind: 'swept', document });
    await first;
    expect(store.getState().sweepResult).toBe(document);
    expect(store.getState().sweepStatus).toBe('Sweep done: 4 points × 2 seeds');
    expect(store.getState().sweepRunId).toBeUndefined();

    const second = store.getState().runSweep({ ...DEFAULT_SWEEP_DRAFT, values: '25,150', repeats: 2 });
    store.getState().cancelSweep();
    expect(cancelled).toEqual([sweeps[1]?.runId]);
    sweeps[1]?.finish({ kind: 'sweep-cancelled' });
    await second;
    expect(store.getState().sweepStatus).toBe('Sweep cancelled; the previous sweep’s results are kept');
    expect(store.getState().sweepResult).toBe(document);

    const third = store.getState().runSweep({ ...DEFAULT_SWEEP_DRAFT, values: '25,150', repeats: 2 });
    sweeps[2]?.finish({ kind: 'sweep-failed', message: 'out of memory' });
    await third;
    expect(store.getState()).toMatchObject({ sweepResult: document, sweepError: 'out of memory' });
  });

  it('"Use this value" makes an own strategy from a preset, and sets the fields of an own strategy swept', async () => {
    const { store } = await ready();
    store.setState({ sweepResult: document });
    expect(store.getState().useSweepPoint('point-2')).toEqual({ ok: true, value: 'my-1' });
    const made = store.getState().ownStrategies[0];
    expect(made?.label).toBe('Balanced sampling · Cap per user 25 · Weight exponent 1');
    expect(made?.fields).toMatchObject({ capPerUser: 25, weightExponent: 1, epochs: 2 });
    // Again: a second strategy with a name of its own.
    expect(store.getState().useSweepPoint('point-2')).toEqual({ ok: true, value: 'my-2' });
    expect(store.getState().ownStrategies[1]?.label).toBe(`${made?.label} (2)`);

    const ownBase = { ...document, base: { ...document.base, id: 'my-1', label: made?.label ?? '' } };
    store.setState({ sweepResult: ownBase });
    store.getState().updateOwnStrategy('my-1', {
      label: 'Mine',
      from: 'balanced-sampling',
      fields: { ...made?.fields, epochs: 7 },
    });
    expect(store.getState().useSweepPoint('point-3')).toEqual({ ok: true, value: 'my-1' });
    expect(store.getState().ownStrategies[0]).toMatchObject({
      label: 'Mine',
      fields: { capPerUser: 150, weightExponent: 0, epochs: 7 },
    });
  });

  it('shapes the charts and the heat map, and masks the sweep shown and downloaded', async () => {
    const { store } = await ready();
    const dominant = summary.users[0]?.userId as string;
    store.setState({
      sweepResult: { ...document, dataset: { ...document.dataset, fileName: `${dominant}.csv` } },
    });
    const view = displaySweepView(store.getState());
    expect(view?.xLabel).toBe('Cap per user · Weight exponent');
    expect(view?.metrics[0]?.points.map((p) => [p.x, p.series, p.reference])).toEqual([
      ['25', 0, false],
      ['25', 1, false],
      ['150', 0, true],
      ['150', 1, false],
    ]);
    expect(view?.seriesLabels).toEqual(['Weight exponent 0', 'Weight exponent 1']);
    expect(view?.passRates.map((p) => p.x)).toEqual(['25 · 0', '25 · 1', '150 · 0', '150 · 1']);
    expect(view?.heatMap).toMatchObject({ rows: ['25', '150'], columns: ['0', '1'], referenceAt: [1, 0] });
    expect(view?.heatMap?.cells[0]?.[1]).toBe(
      document.points[1]?.status === 'ok' ? document.points[1].metrics.userLogLoss.mean : 'failed',
    );
    expect(displaySweep(store.getState())?.dataset.fileName).toBe(`${dominant}.csv`);
    store.getState().setMaskIds(true);
    const shown = JSON.stringify(displaySweep(store.getState()));
    expect(displaySweep(store.getState())?.dataset.fileName).toBe('User A.csv');
    for (const u of summary.users) expect(shown).not.toContain(u.userId);
  });
});
