/**
 * The page's handle on the lab worker: promise-returning requests matched to replies by run id, and a
 * fresh worker after a crash (requests in flight are answered with a failure, never left hanging).
 */
import type { ImportReply, WorkerReply, WorkerRequest } from './protocol';

type Pending = { resolve: (reply: WorkerReply) => void };

export interface LabClient {
  importFile(fileName: string, file: Blob): Promise<ImportReply>;
  dispose(): void;
}

export function createLabClient(spawn: () => Worker = defaultSpawn): LabClient {
  let nextId = 1;
  const pending = new Map<number, Pending>();
  let worker = start();

  function start(): Worker {
    const w = spawn();
    w.addEventListener('message', (event: MessageEvent<WorkerReply>) => {
      const entry = pending.get(event.data.id);
      if (!entry) return; // a reply nobody waits for any more
      pending.delete(event.data.id);
      entry.resolve(event.data);
    });
    w.addEventListener('error', (event) => {
      event.preventDefault();
      const message = `The lab worker stopped unexpectedly${event.message ? ` (${event.message})` : ''}; it was restarted.`;
      for (const [id, entry] of pending) entry.resolve({ id, kind: 'failed', message });
      pending.clear();
      w.terminate();
      worker = start();
    });
    return w;
  }

  function request(message: Omit<WorkerRequest, 'id'>, transfer: Transferable[] = []): Promise<WorkerReply> {
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, { resolve });
      worker.postMessage({ ...message, id }, transfer);
    });
  }

  return {
    async importFile(fileName, file) {
      const reply = await request({ kind: 'import', fileName, file });
      if (reply.kind === 'failed')
        return { kind: 'refused', message: `${fileName} could not be imported: ${reply.message}` };
      return reply;
    },
    dispose() {
      worker.terminate();
      pending.clear();
    },
  };
}

function defaultSpawn(): Worker {
  return new Worker(new URL('./lab.worker.ts', import.meta.url), { type: 'module', name: 'retrain-lab' });
}
