/**
 * Who does a model's arithmetic, training and prediction alike: our fused wasm SIMD kernels ('simd') or
 * tfjs ops on the active backend ('tfjs'). One choice for both, so a model predicts with the engine that
 * trained it unless a script pins the other.
 */
import * as tf from '@tensorflow/tfjs';
import { simdKernelsAvailable } from './simd/simd-kernels';

export type Engine = 'simd' | 'tfjs';

let pinned: Engine | null = null;

/** Pin the engine of each phase and prediction that names none (scripts comparing engines; never the lab). */
export function pinEngine(engine: Engine | null): void {
  pinned = engine;
}

/**
 * The default engine for a tfjs backend: the fused SIMD kernels wherever wasm SIMD runs, except on WebGL,
 * whose tfjs ops run on the GPU. On cpu the tfjs backend still builds, exports and loads models; the fused
 * kernels replace the arithmetic (its plain-JS tfjs ops were ~50× slower).
 */
export function defaultEngine(backend: string): Engine {
  return backend !== 'webgl' && simdKernelsAvailable() ? 'simd' : 'tfjs';
}

/** The engine a phase or prediction that names none uses now. */
export function currentEngine(): Engine {
  return pinned ?? defaultEngine(tf.getBackend());
}
