/**
 * Guards a training run on WebGL against a lost context (driver reset, GPU taken away, too many
 * contexts): the strategy in progress fails with a clear message, the models already trained on the
 * lost context are dropped (their tensors are gone), and the rest of the run moves to cpu. Also offers
 * the fault injection the e2e test uses to lose the context on purpose (WEBGL_lose_context).
 */
import * as tf from '@tensorflow/tfjs';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';

export const CONTEXT_LOST_MESSAGE =
  'The WebGL context was lost during training (the GPU was reset or taken away); this strategy stopped, and the remaining ones run on cpu.';

function currentContext(): WebGL2RenderingContext | WebGLRenderingContext | undefined {
  if (tf.getBackend() !== 'webgl') return undefined;
  return (tf.backend() as MathBackendWebGL).gpgpu.gl;
}

export interface ContextGuard {
  /** For the strategy about to run: aborts, with the reason, when the context is lost. */
  fault(): AbortSignal | undefined;
  /** Before each strategy: after a loss, switch to cpu. Resolves to true when it switched. */
  recover(): Promise<boolean>;
}

/** A guard for a run on `backend`; inert unless that backend is webgl. */
export function guardWebGLContext(backend: string, activateCpu: () => Promise<unknown>): ContextGuard {
  const gl = backend === 'webgl' ? currentContext() : undefined;
  if (!gl) return { fault: () => undefined, recover: async () => false };
  const lost = new AbortController();
  const onLost = (event: Event) => {
    event.preventDefault();
    lost.abort(new Error(CONTEXT_LOST_MESSAGE));
  };
  const canvas = gl.canvas as OffscreenCanvas | HTMLCanvasElement;
  canvas.addEventListener('webglcontextlost', onLost);
  let recovered = false;
  return {
    fault: () => {
      if (!recovered && gl.isContextLost()) lost.abort(new Error(CONTEXT_LOST_MESSAGE));
      return recovered ? undefined : lost.signal;
    },
    recover: async () => {
      if (recovered || !(lost.signal.aborted || gl.isContextLost())) return false;
      canvas.removeEventListener('webglcontextlost', onLost);
      await activateCpu();
      recovered = true;
      return true;
    },
  };
}

/** Fault injection for tests: lose tfjs's WebGL context now. Returns false when not on WebGL. */
export function loseWebGLContext(): boolean {
  const ext = currentContext()?.getExtension('WEBGL_lose_context');
  ext?.loseContext();
  return ext !== undefined && ext !== null;
}
