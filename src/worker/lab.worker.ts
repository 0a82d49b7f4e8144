/**
 * The lab worker: owns the imported dataset (and, later, tfjs and every live model) so that parsing a
 * million rows or training never blocks the page. A refused import leaves the held dataset as it was.
 */
import { importTasksFromBytes } from '../core/data/import-tasks';
import { summarizeDataset } from '../core/data/summarize-dataset';
import type { Dataset } from '../core/data/task';
import type { WorkerReply, WorkerRequest } from './protocol';

// Held for the training requests that follow an import.
const held: { dataset?: Dataset } = {};

const post = (reply: WorkerReply) => (self as unknown as Worker).postMessage(reply);

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  void handle(event.data);
});

async function handle(request: WorkerRequest): Promise<void> {
  try {
    switch (request.kind) {
      case 'import': {
        const started = performance.now();
        const result = importTasksFromBytes(
          new Uint8Array(await request.file.arrayBuffer()),
          request.fileName,
        );
        if (result.kind === 'refused') {
          post({ id: request.id, kind: 'refused', message: result.message });
          return;
        }
        const summary = await summarizeDataset(result.dataset);
        held.dataset = result.dataset;
        post({
          id: request.id,
          kind: 'imported',
          summary,
          report: result.dataset.report,
          importMs: performance.now() - started,
        });
        return;
      }
    }
  } catch (error) {
    post({ id: request.id, kind: 'failed', message: (error as Error).message });
  }
}
