/**
 * Head starts for a training worker, so a first Train click finds it ready: `startWasm` (as the worker
 * starts) fetches and compiles tfjs's wasm binary while the page is still fetching the sample, and
 * `warmUpTraining` (after an import) runs a few training steps on the imported data — the SIMD kernels'
 * module compiles and V8 compiles the training path while the person reads the summary. Measured with the
 * earlier tfjs-op engine (sample, 2 workers, Train clicked 5 s after the page opened, 4 page loads each):
 * first run 7.3–7.9 s, without 7.5–8.3 s. Failures are ignored: the run that follows reports them.
 */
import { activateBackend, type Activation } from '../core/backend/activate-backend';
import { measureTrainingStepMs } from '../core/comparison/measure-training-step';
import type { Task } from '../core/data/task';
import { WASM_PATHS } from './wasm-paths';

let wasm: Promise<Activation> | undefined;

/** Start the wasm backend once (later calls share the first). */
export function startWasm(): Promise<Activation> {
  wasm ??= activateBackend('wasm', { wasmPaths: WASM_PATHS });
  return wasm;
}

export async function warmUpTraining(tasks: readonly Task[]): Promise<void> {
  try {
    if (!(await startWasm()).ok) return;
    // Auto may have moved to another backend since: wasm again (cheap once started).
    if (!(await activateBackend('wasm', { wasmPaths: WASM_PATHS })).ok) return;
    await measureTrainingStepMs(tasks, { steps: 2 });
  } catch {
    // Only a head start: the run that follows reports any real problem.
  }
}
