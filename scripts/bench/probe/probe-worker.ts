/** The step probe inside a module worker, as the lab trains: one request in, one ProbeResult (or error) out. */
import type { BackendName } from '../../../src/core/backend/activate-backend';
import { probe } from './probe-run';

self.addEventListener('message', (event: MessageEvent<{ csv: string; backend: BackendName }>) => {
  probe(event.data.csv, event.data.backend).then(
    (result) => self.postMessage({ result }),
    (error: unknown) => self.postMessage({ error: String(error) }),
  );
});
