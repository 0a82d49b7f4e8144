/**
 * A client of the real lab worker run in-process, fresh for each test of the describe block that calls it,
 * on a machine reporting `cores` cores (so helper workers start as on such a machine). Test-only.
 */
import { afterEach, beforeEach } from 'vitest';
import { createLabClient, type LabClient } from './lab-client';
import { InProcessWorker, installInProcessWorkers } from './in-process-worker.test-helper';

const LAB_WORKER = new URL('./lab.worker.ts', import.meta.url);

export function realLabWorker(cores: number): {
  env: ReturnType<typeof installInProcessWorkers>;
  client: LabClient;
} {
  const lab = {} as { env: ReturnType<typeof installInProcessWorkers>; client: LabClient };
  beforeEach(() => {
    lab.env = installInProcessWorkers(cores);
    lab.client = createLabClient(() => new InProcessWorker(LAB_WORKER) as unknown as Worker);
  });
  afterEach(() => {
    lab.client.dispose();
    lab.env.restore();
  });
  return lab;
}
