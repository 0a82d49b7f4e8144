/**
 * A CLI lane thread (worker_threads): the Node counterpart of the lab's training helper. Imports the file
 * the CLI imported, runs the strategies it is handed with core's laneRunner — so its entries are the ones
 * the main thread would have produced — keeps their models and packs their bundles for `--models`.
 */
import { parentPort } from 'node:worker_threads';
import { activateBackend } from '../core/backend/activate-backend';
import { laneRunner, type LaneRunner } from '../core/comparison/lane-runner';
import { importTasksFromBytes, importTasksFromText } from '../core/data/import-tasks';
import type { Task } from '../core/data/task';
import type { StrategyId, TrainedStrategy } from '../core/strategies/types';
import { packStrategy } from './export-models';
import type { ThreadReply, ThreadRequest } from './thread-protocol';

const port = parentPort;
if (!port) throw new Error('lane-thread runs as a worker thread');
const post = (reply: ThreadReply, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer);

let tasks: readonly Task[] | undefined;
let runner: LaneRunner | undefined;
const models = new Map<StrategyId, TrainedStrategy>();
let queue: Promise<void> = Promise.resolve();

port.on('message', (request: ThreadRequest) => {
  queue = queue
    .then(() => handle(request))
    .catch((error: unknown) => {
      post({ id: request.id, kind: 'unavailable', message: (error as Error).message });
    });
});

async function handle(request: ThreadRequest): Promise<void> {
  const { id } = request;
  switch (request.kind) {
    case 'dataset': {
      // The bytes or text the CLI read, imported by the same rule as there.
      const imported =
        typeof request.content === 'string'
          ? importTasksFromText(request.content, request.fileName)
          : importTasksFromBytes(request.content, request.fileName);
      if (imported.kind !== 'ok') return post({ id, kind: 'unavailable', message: imported.message });
      const activation = await activateBackend(request.backend);
      if (!activation.ok) return post({ id, kind: 'unavailable', message: activation.reason });
      tasks = imported.dataset.tasks;
      runner = laneRunner(tasks);
      return post({ id, kind: 'ready' });
    }
    case 'run': {
      if (!runner) return post({ id, kind: 'unavailable', message: 'it holds no dataset' });
      const result = await runner(request.job, {
        onProgress: (event) => post({ id, kind: 'progress', event }),
      });
      models.get(request.job.strategy.id)?.dispose();
      if (result.model) models.set(request.job.strategy.id, result.model);
      else models.delete(request.job.strategy.id);
      return post({ id, kind: 'ran', entry: result.entry });
    }
    case 'pack': {
      const trained = models.get(request.strategyId);
      if (!trained || !tasks) return post({ id, kind: 'unavailable', message: 'no such model here' });
      const packed = await packStrategy(trained, tasks, request.summary, request.report);
      return post({ id, kind: 'packed', ...packed }, [packed.bytes.buffer as ArrayBuffer]);
    }
  }
}
