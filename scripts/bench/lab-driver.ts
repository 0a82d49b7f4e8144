/**
 * Drives the built lab for `npm run bench` through its accessible names (as e2e/pages/lab-page.ts does):
 * loads a data set, picks backend and preset, trains all strategies a number of times within a budget,
 * and reads back the report's per-strategy times, long tasks and the worker's tfjs tensor count.
 */
import type { CDPSession, Page } from '@playwright/test';
import { load1, median } from './bench-util';
import { downloadReport, trainOnce } from './train-once';

export type DataName = 'sample' | 'medium' | '100k' | '1m-10k' | 'ednet';
export const DATA_FILES: Record<Exclude<DataName, 'sample'>, string> = {
  medium: 'fixtures/medium.csv',
  '100k': 'fixtures/generated/big-100k.csv',
  '1m-10k': 'fixtures/generated/big-1m-10k-users.csv',
  // Real learner data (EdNet excerpt, CC BY-NC): local only, never committed; skipped where absent.
  ednet: '../shared/data/ednet/ednet-kt1-all.csv',
};

export interface Scenario {
  data: DataName;
  preset: 'lab' | 'quick' | 'seed-faithful';
  backend: 'wasm' | 'cpu' | 'webgl';
  /** The Training workers select; absent = Auto. */
  workers?: number;
  /** The Repeats field (seeds per strategy); absent = 1, the one-seed figures earlier rows were measured with. */
  repeats?: number;
  runs: number;
  /** Per run; 0 = do not run (a row saying so). */
  budgetMs: number;
}

export interface RunMeasure {
  load1: number;
  wallMs: number;
  longestMainTaskMs: number;
  /** The page's main thread busy during the run (CDP TaskDuration): time the workers could not have. */
  mainBusyMs: number;
  /** Every main-thread task ≥ 50 ms in the run, longest first (the last is usually drawing the results). */
  longTasksMs: number[];
  /** Workers that trained side by side (the lab worker and its helpers), as the lab says. */
  workers: number;
  /** After the run, in the lab worker and its helpers (engine.memory() through Playwright's worker handles). */
  memory: { numTensors: number; numBytes: number } | null;
  strategyMs: Record<string, number>;
  logLoss: Record<string, number | null>;
  /** Multiply-adds of the dense products the run trained with (all workers), and of its validation passes. */
  trainMacs: number;
  inferMacs: number;
}

export interface ImportMeasure {
  data: DataName;
  rows: number;
  load1: number;
  wallMs: number;
  workerMs: number;
  rowsPerSecond: number;
}

export interface ScenarioResult {
  scenario: Scenario;
  status: 'ok' | 'skipped (budget)' | 'over budget';
  note?: string;
  import?: ImportMeasure;
  runs: RunMeasure[];
  /** Median train time per strategy over the runs, ms. */
  strategyMs: Record<string, number>;
  summary: Record<string, string | number>;
}

const PRESET_BUTTON = {
  lab: 'Lab default',
  quick: 'Quick (epochs ÷ 10)',
  'seed-faithful': 'Design note',
} as const;
let loaded: DataName = 'sample';

/** Opens the lab with a long-task observer installed before any script runs. */
export async function openLab(page: Page, url: string): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) =>
      list.getEntries().forEach((e) => w.__longTasks.push(e.duration)),
    ).observe({
      type: 'longtask',
      buffered: true,
    });
  });
  await page.goto(url);
  await page.getByTestId('task-count').filter({ hasText: /^917$/ }).waitFor({ timeout: 60_000 });
  loaded = 'sample';
}

/** Imports `data` into the open lab (nothing when it is already loaded); the import's figures. */
export async function loadData(page: Page, data: DataName): Promise<ImportMeasure | undefined> {
  if (data === loaded) return undefined;
  const count = page.getByTestId('task-count');
  const before = await count.textContent();
  const l = load1();
  const started = performance.now();
  if (data === 'sample') await page.getByRole('button', { name: 'Load sample data' }).click();
  else await page.getByLabel('Import tasks', { exact: true }).setInputFiles(DATA_FILES[data]);
  await page.waitForFunction(
    (old) => {
      const text = document.querySelector('[data-testid="task-count"]')?.textContent;
      return !!text && text !== old;
    },
    before,
    { timeout: 180_000 },
  );
  const wallMs = performance.now() - started;
  loaded = data;
  const rows = Number((await count.textContent())?.replace(/[^0-9]/g, ''));
  const workerMs = Number(await page.getByTestId('import-seconds').textContent()) * 1000;
  return {
    data,
    rows,
    load1: l,
    wallMs: Math.round(wallMs),
    workerMs: Math.round(workerMs),
    rowsPerSecond: Math.round(rows / (wallMs / 1000)),
  };
}

/** Arithmetic done so far, summed over the lab worker and its helpers (the engine's counters). */
async function arithmetic(page: Page): Promise<{ trainMacs: number; inferMacs: number }> {
  const total = { trainMacs: 0, inferMacs: 0 };
  for (const worker of page.workers()) {
    const done = await worker
      .evaluate(() => {
        const probes = (
          self as unknown as {
            retrainLabProbes?: { arithmeticDone(): { trainMacs: number; inferMacs: number } };
          }
        ).retrainLabProbes;
        return probes ? probes.arithmeticDone() : null;
      })
      .catch(() => null);
    total.trainMacs += done?.trainMacs ?? 0;
    total.inferMacs += done?.inferMacs ?? 0;
  }
  return total;
}

/** The page's main-thread busy time since `cdp` enabled its Performance domain, ms (TaskDuration). */
async function mainThreadBusy(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return 1000 * (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0);
}

/** The dense kernel's GMAC/s in the lab worker (the rate a training step could reach at best). */
export async function denseRate(page: Page): Promise<number | null> {
  const worker = page.workers().find((w) => w.url().includes('lab.worker'));
  return (
    (await worker
      ?.evaluate(() =>
        (self as unknown as { retrainLabProbes?: { denseGmacs(): number } }).retrainLabProbes?.denseGmacs(),
      )
      .catch(() => null)) ?? null
  );
}

/**
 * Summed over the lab worker and its training helpers: each worker's tfjs engine is a global of
 * tfjs-core (`_tfengine`); nothing is exposed for this.
 */
async function workerMemory(page: Page): Promise<RunMeasure['memory']> {
  let total = null as RunMeasure['memory'];
  for (const worker of page.workers()) {
    const memory = await worker
      .evaluate(() => {
        const engine = (
          self as unknown as { _tfengine?: { memory(): { numTensors: number; numBytes: number } } }
        )._tfengine;
        return engine ? { numTensors: engine.memory().numTensors, numBytes: engine.memory().numBytes } : null;
      })
      .catch(() => null);
    if (memory)
      total = {
        numTensors: (total?.numTensors ?? 0) + memory.numTensors,
        numBytes: (total?.numBytes ?? 0) + memory.numBytes,
      };
  }
  return total;
}

export async function measureRun(
  page: Page,
  scenario: Scenario,
  previous: ScenarioResult[],
): Promise<ScenarioResult> {
  const label = {
    data: scenario.data,
    preset: scenario.preset,
    backend: scenario.backend,
    workersChosen: scenario.workers ?? 'auto',
    repeats: scenario.repeats ?? 1,
  };
  if (scenario.budgetMs === 0) {
    const lab = previous.find(
      (r) =>
        r.scenario.backend === scenario.backend &&
        r.scenario.preset === 'lab' &&
        r.scenario.workers === scenario.workers,
    );
    const note = lab?.runs[0]
      ? `the lab default took ${(lab.runs[0].wallMs / 1000).toFixed(0)} s here; the Design note preset takes ~6× its steps`
      : 'not attempted';
    return {
      scenario,
      status: 'skipped (budget)',
      note,
      runs: [],
      strategyMs: {},
      summary: { ...label, wall_s: 'skipped (budget)' },
    };
  }
  const imported = await loadData(page, scenario.data);
  await page.getByLabel('Backend').selectOption(scenario.backend);
  await page.getByLabel('Training workers').selectOption(String(scenario.workers ?? 'auto'));
  await page.getByLabel('Repeats', { exact: true }).fill(String(scenario.repeats ?? 1));
  await page.getByRole('checkbox', { name: '6. Per-user models' }).waitFor();
  await page.getByRole('button', { name: PRESET_BUTTON[scenario.preset] }).click();
  const runs: RunMeasure[] = [];
  for (let i = 0; i < scenario.runs; i++) {
    await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks = []));
    const l = load1();
    const before = await arithmetic(page);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const busyBefore = await mainThreadBusy(cdp);
    const outcome = await trainOnce(page, scenario.budgetMs);
    const busy = (await mainThreadBusy(cdp)) - busyBefore;
    await cdp.detach();
    if ('reached' in outcome) {
      const note = `over budget: ${(outcome.ms / 1000).toFixed(0)} s reached "${outcome.reached}"`;
      return {
        scenario,
        status: 'over budget',
        note,
        import: imported,
        runs,
        strategyMs: {},
        summary: { ...label, wall_s: note },
      };
    }
    const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    const report = await downloadReport(page);
    const decision = (await page.getByTestId('backend-decision').textContent()) ?? '';
    const after = await arithmetic(page);
    runs.push({
      trainMacs: after.trainMacs - before.trainMacs,
      inferMacs: after.inferMacs - before.inferMacs,
      load1: l,
      workers: Number(/(\d+) workers train/.exec(decision)?.[1] ?? 1),
      wallMs: Math.round(outcome.wallMs),
      longestMainTaskMs: Math.round(Math.max(0, ...longTasks)),
      mainBusyMs: Math.round(busy),
      longTasksMs: longTasks.map(Math.round).sort((a, b) => b - a),
      memory: await workerMemory(page),
      // Every seed's training (report schema 2 `runs[]`), so rates over repeated runs count all the work done.
      strategyMs: Object.fromEntries(
        report.strategies.map((s) => [
          s.id,
          Math.round((s.runs ?? [s]).reduce((sum, r) => sum + r.trainMs, 0)),
        ]),
      ),
      logLoss: Object.fromEntries(report.strategies.map((s) => [s.id, s.test?.logLoss ?? null])),
    });
  }
  const ids = Object.keys(runs[0]?.strategyMs ?? {});
  const strategyMs = Object.fromEntries(
    ids.map((id) => [id, median(runs.map((r) => r.strategyMs[id] ?? NaN))]),
  );
  const last = runs[runs.length - 1];
  const trainCoreSeconds = last ? Object.values(last.strategyMs).reduce((a, b) => a + b, 0) / 1000 : NaN;
  return {
    scenario,
    status: 'ok',
    import: imported,
    runs,
    strategyMs,
    summary: {
      ...label,
      n: runs.length,
      wall_s: Number((median(runs.map((r) => r.wallMs)) / 1000).toFixed(1)),
      sumTrain_s: Number((Object.values(strategyMs).reduce((a, b) => a + b, 0) / 1000).toFixed(1)),
      longestTask_ms: Math.max(...runs.map((r) => r.longestMainTaskMs)),
      mainBusy_s: Number((median(runs.map((r) => r.mainBusyMs)) / 1000).toFixed(2)),
      // Forward + backward multiply-adds of the training steps (validation passes apart), and their rate over
      // the strategies' summed train time (training core-seconds, evaluation excluded).
      train_GMAC: last ? Number((last.trainMacs / 1e9).toFixed(1)) : '–',
      GMACps: last ? Number((last.trainMacs / 1e9 / trainCoreSeconds).toFixed(2)) : '–',
      workers: runs[0]?.workers ?? 1,
      tensors: runs.map((r) => r.memory?.numTensors ?? '?').join(' '),
      load1: runs.map((r) => r.load1).join(' '),
    },
  };
}
