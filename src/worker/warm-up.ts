/**
 * A few training steps on the imported data right after an import, in each training worker: the wasm
 * backend starts (binary compiled, kernels registered) and V8 compiles the training path (the fused
 * SIMD step and its kernels' module) while the person reads the summary rather than during the first
 * Train click. Measured with the earlier tfjs-op engine (sample, 2 workers, Train clicked 5 s after the
 * page opened, 4 page loads each): first run 7.3–7.9 s, without 7.5–8.3 s. Failures are ignored.
 */
import { activateBackend } from '../core/backend/activate-backend';
import { measureTrainingStepMs } from '../core/comparison/measure-training-step';
import type { Task } from '../core/data/task';
import { WASM_PATHS } from './wasm-paths';

export async function warmUpTraining(tasks: readonly Task[]): Promise<void> {
  try {
    if (!(await activateBackend('wasm', { wasmPaths: WASM_PATHS })).ok) return;
    await measureTrainingStepMs(tasks, { steps: 2 });
  } catch {
    // Only a head start: the run that follows reports any real problem.
  }
}
