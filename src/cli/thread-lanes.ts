/**
 * The CLI's lanes on the other cores: worker threads running lane-thread.ts (from the bin's bundle, or
 * through tsx where the CLI runs from its sources), each importing the same file and training the
 * strategies runComparison hands it, as the lab's helper workers do. A thread that dies or cannot start
 * hands its strategy back (LaneLostError) and the main thread trains it.
 */
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { laneRequests } from '../core/comparison/lane-requests';
import { LaneLostError, type StrategyLane } from '../core/comparison/strategy-lanes';
import type { DatasetSummary } from '../core/data/summarize-dataset';
import type { Report } from '../core/report/report-types';
import type { StrategyId } from '../core/strategies/types';
import type { PackedStrategy } from './export-models';
import type { ThreadReply, ThreadRequest } from './thread-protocol';

type Body = ThreadRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export interface ThreadLane extends StrategyLane {
  /** Pack the bundle of a strategy this thread trained. */
  pack(strategyId: StrategyId, summary: DatasetSummary, report: Report): Promise<PackedStrategy>;
  close(): Promise<void>;
}

/** Threads worth starting: one per core beyond the main thread's, at most three (as the lab's helpers). */
export function threadBudget(cores = availableParallelism()): number {
  return Math.max(0, Math.min(3, cores - 1));
}

/**
 * The code a thread starts with: the bundled lane-thread.js, or tsx loading lane-thread.ts (resolved here,
 * wherever the CLI was started).
 * tsx's API is taken by its ES module entry: the CommonJS one, imported inside a thread of a process
 * already running under tsx (the `retrain-lab` bin), resolves its own ESM half to a path that does not exist.
 */
function bootstrap(): string {
  // Run from the bin's bundle of the CLI (bin/cli-bundle.mjs): the lane's bundle lies beside it.
  if (import.meta.url.endsWith('.js'))
    return `import(${JSON.stringify(new URL('./lane-thread.js', import.meta.url).href)});`;
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('tsx/package.json'));
  const exports = (
    require('tsx/package.json') as { exports: Record<string, { import: { default: string } }> }
  ).exports;
  const api = pathToFileURL(
    join(root, exports['./esm/api']?.import.default ?? 'dist/esm/api/index.mjs'),
  ).href;
  const entry = new URL('./lane-thread.ts', import.meta.url).href;
  return `import(${JSON.stringify(api)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}));`;
}

/** The file a lane imports: the bytes (or, from tests, text) the main thread read. */
export interface LaneSource {
  fileName: string;
  content: string | Uint8Array;
  backend: 'cpu' | 'wasm';
}

/**
 * `count` lanes started before the file is read: each thread loads its code (tsx, tfjs: about a second
 * on EdNet's run, as long as reading and summarising the file) while this thread reads the file, and
 * imports it once `give` hands it over. `close` when the file cannot be read.
 */
export function startThreadLanes(count: number): {
  lanes: ThreadLane[];
  give(source: LaneSource): void;
  close(): Promise<void>;
} {
  let give: (source: LaneSource) => void = () => {};
  const source = new Promise<LaneSource>((resolve) => (give = resolve));
  const lanes = Array.from({ length: Math.max(0, count) }, (_, i) =>
    spawnThreadLane(`thread ${i + 1}`, source),
  );
  return { lanes, give, close: () => Promise.all(lanes.map((lane) => lane.close())).then(() => {}) };
}

function spawnThreadLane(name: string, source: Promise<LaneSource>): ThreadLane {
  let nextId = 1;
  const worker = new Worker(bootstrap(), { eval: true });
  // The same ledger as the lab's helper workers (worker/helper-lane.ts).
  const requests = laneRequests<number, Body, ThreadReply>(
    () => nextId++,
    (message) => worker.postMessage(message),
  );
  const request = (body: Body, onProgress?: (r: ThreadReply) => void) =>
    requests.request(body, onProgress).reply;
  worker.on('message', (reply: ThreadReply) => requests.receive(reply));
  worker.on('error', (error) => requests.die(`it stopped unexpectedly: ${error.message}`));
  worker.on('exit', () => requests.die('it exited'));
  const ready = source.then((s) => request({ kind: 'dataset', ...s }));

  return {
    name,
    async run(job, { signal, onProgress }) {
      signal?.throwIfAborted();
      const started = await ready;
      if (started.kind !== 'ready')
        throw new LaneLostError(started.kind === 'unavailable' ? started.message : started.kind);
      const settled = await request({ kind: 'run', job }, (r) => {
        if (r.kind === 'progress') onProgress?.(r.event);
      });
      if (settled.kind === 'ran') return { entry: settled.entry, heldOut: settled.heldOut };
      throw new LaneLostError(
        settled.kind === 'unavailable' ? settled.message : `it answered "${settled.kind}"`,
      );
    },
    async pack(strategyId, summary, report) {
      const settled = await request({ kind: 'pack', strategyId, summary, report });
      if (settled.kind === 'packed') return settled;
      throw new Error(
        `${name} could not pack ${strategyId}: ${settled.kind === 'unavailable' ? settled.message : settled.kind}`,
      );
    },
    async close() {
      requests.die('it was closed');
      await worker.terminate();
    },
  };
}
