/**
 * The probe page: exposes `__probePage(csv, backend)` (run on the page's main thread) and
 * `__probeWorker(csv, backend)` (run in a fresh module worker) for Playwright to call.
 */
import type { BackendName } from '../../../src/core/backend/activate-backend';
import type { ProbeResult } from '../step-probe';
import { probe } from './probe-run';

function inWorker(csv: string, backend: BackendName): Promise<ProbeResult> {
  const worker = new Worker(new URL('./probe-worker.ts', import.meta.url), { type: 'module' });
  return new Promise<ProbeResult>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<{ result?: ProbeResult; error?: string }>) => {
      worker.terminate();
      if (event.data.result) resolve(event.data.result);
      else reject(new Error(event.data.error));
    };
    worker.postMessage({ csv, backend });
  });
}

Object.assign(window, { __probePage: probe, __probeWorker: inWorker });
