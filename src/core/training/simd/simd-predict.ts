/**
 * A head's raw outputs (the logit of a correctness head) from the fused kernels: the forward pass in
 * inference mode (moving statistics, no dropout) that validation already uses, on the weights read once
 * from the head's tfjs variables. Predicting through tfjs ops cost a per-op overhead on every call, which
 * the per-user models (one small call per user) paid a thousand times on a big file.
 */
import type { EncodedInputs } from '../../features/encoded-rows';
import type { HeadNetwork } from '../../model/architecture';
import { Arena } from './simd-buffers';
import { instantiateKernels, type SimdKernels } from './simd-kernels';
import { layoutOf, readVariables } from './simd-layout';
import { SimdNetwork } from './simd-network';

/** Rows per forward pass: buffers of a few hundred kB, whatever the number of rows. */
const CHUNK = 1024;
const NO_TARGET = new Float32Array(0);

/**
 * One wasm memory for every prediction of this thread, grown when a model needs more: a new memory per
 * call (the per-user models make a thousand calls on a big file) cost more than the forward pass itself.
 * Safe to share because a prediction runs start to end without yielding.
 */
let shared: SimdKernels | null = null;
function kernelsFor(floats: number): SimdKernels {
  if (!shared || shared.f32.length < floats) shared = instantiateKernels(floats);
  return shared;
}

/** Raw outputs of `net` on `rows`, in row order. */
export function simdHeadOutputs(net: HeadNetwork, rows: EncodedInputs): Float32Array {
  if (rows.n === 0) return new Float32Array(0);
  const layout = layoutOf(net);
  const arena = new Arena();
  const params = arena.take(layout.size);
  const network = new SimdNetwork(net.spec, layout, arena, Math.min(CHUNK, rows.n));
  const kernels = kernelsFor(arena.total);
  network.attach(kernels);
  readVariables(kernels.f32, net, layout, params);
  const { user, topic, difficulty, history, n } = rows;
  return network.inferOutputs(params, {
    user,
    topic,
    difficulty,
    history,
    target: NO_TARGET,
    coef: NO_TARGET,
    start: 0,
    n,
  });
}
