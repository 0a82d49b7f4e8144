/**
 * The browser side of the step probe: activates a backend as the lab's worker does (same wasm paths)
 * and runs runStepProbe on the sample CSV text it is given. Shared by the probe page and its worker.
 */
import { activateBackend, type BackendName } from '../../../src/core/backend/activate-backend';
import { importTasksFromText } from '../../../src/core/data/import-tasks';
import { WASM_PATHS } from '../../../src/worker/wasm-paths';
import { runStepProbe, type ProbeResult } from '../step-probe';

export async function probe(csv: string, backend: BackendName): Promise<ProbeResult> {
  const imported = importTasksFromText(csv, 'sample');
  if (imported.kind !== 'ok') throw new Error(imported.message);
  const activation = await activateBackend(backend, { wasmPaths: WASM_PATHS });
  if (!activation.ok) throw new Error(activation.reason);
  return runStepProbe(imported.dataset.tasks);
}
