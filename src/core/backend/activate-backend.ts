/**
 * Switches tfjs to a backend and says plainly when that is impossible: setBackend answers false rather
 * than throwing, WebGL initialisation can hang, and WebGL without float32 render targets trains wrongly.
 * Works in Node and in the worker; browser-only details (wasm file URLs) are passed in.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { registerSegmentSumKernels } from './kernels/segment-sum-kernels';

export const BACKENDS = ['webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];

export type Activation =
  { ok: true; backend: BackendName } | { ok: false; backend: BackendName; reason: string };

export interface ActivateOptions {
  timeoutMs?: number;
  /** Where the wasm binaries are served from (the browser); Node finds them beside the package. */
  wasmPaths?: Record<string, string>;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms / 1000} s`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

export async function activateBackend(name: BackendName, options: ActivateOptions = {}): Promise<Activation> {
  const { timeoutMs = 15_000, wasmPaths } = options;
  try {
    // Our UnsortedSegmentSum: wasm lacks one (no Embedding could train), cpu's is five kernel calls per segment.
    registerSegmentSumKernels();
    if (name === 'wasm') {
      // Single-threaded: threaded wasm hangs in setBackend with a minified Vite build (its workers throw
      // "e is not defined") and gave no speed-up on 2 cores (docs/performance.md).
      tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
      if (wasmPaths) setWasmPaths(wasmPaths);
    }
    if (name === 'webgl') {
      // A laptop without a GPU driver, and CI, render WebGL in software (SwiftShader); tfjs refuses it unless told.
      tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
    }
    const ok = await withTimeout(tf.setBackend(name), timeoutMs, `the ${name} backend`);
    if (!ok) return { ok: false, backend: name, reason: `the ${name} backend is not available here` };
    await tf.ready();
    if (name === 'webgl' && !tf.env().getBool('WEBGL_RENDER_FLOAT32_CAPABLE')) {
      return {
        ok: false,
        backend: name,
        reason: 'WebGL here cannot render to 32-bit float textures, so it would train inaccurately',
      };
    }
    return { ok: true, backend: name };
  } catch (error) {
    return { ok: false, backend: name, reason: (error as Error).message };
  }
}
