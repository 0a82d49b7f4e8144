/**
 * `UnsortedSegmentSum` — the gradient of a gather, so of every Embedding — as one plain loop:
 * the wasm backend lacks it (tfjs #8082: wasm cannot train an Embedding without it), and the cpu
 * backend's version makes five kernel calls per segment (per user, per topic). Same sums in the same
 * row order, so results are unchanged. Imports tfjs only; no DOM.
 */
import * as tf from '@tensorflow/tfjs';

type Numeric = Float32Array | Int32Array | Uint8Array;

/** The parts of tfjs-backend-wasm's BackendWasm this kernel uses. */
interface WasmBackendLike {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(t: tf.TensorInfo): Numeric;
}
/** The parts of tfjs-backend-cpu's MathBackendCPU this kernel uses. */
interface CpuBackendLike {
  readSync(dataId: object): Numeric;
  makeTensorInfo(shape: number[], dtype: tf.DataType, values: Numeric): tf.TensorInfo;
}

const KERNEL = 'UnsortedSegmentSum';

function segmentSum(
  out: Numeric,
  x: Numeric,
  ids: Numeric,
  rows: number,
  width: number,
  numSegments: number,
): void {
  out.fill(0);
  for (let r = 0; r < rows; r++) {
    const seg = ids[r] as number;
    if (seg < 0 || seg >= numSegments) continue; // TF drops out-of-range ids
    const o = seg * width;
    const i = r * width;
    for (let k = 0; k < width; k++) out[o + k] = (out[o + k] as number) + (x[i + k] as number);
  }
}

function geometry(x: tf.TensorInfo, numSegments: number) {
  const rows = x.shape[0] ?? 0;
  const width = tf.util.sizeFromShape(x.shape.slice(1));
  return { rows, width, outShape: [numSegments, ...x.shape.slice(1)] };
}

let registered = false;

/**
 * Register the loop for wasm (missing there) and cpu (replacing the per-segment version).
 * Idempotent; called by the training loop, so callers need not remember it.
 */
export function registerSegmentSumKernels(): void {
  if (registered) return;
  registered = true;
  tf.registerKernel({
    kernelName: KERNEL,
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const wasm = backend as unknown as WasmBackendLike;
      const x = inputs['x'] as tf.TensorInfo;
      const numSegments = (attrs as { numSegments: number }).numSegments;
      const g = geometry(x, numSegments);
      const out = wasm.makeOutput(g.outShape, x.dtype);
      // Views only after allocating the output: allocation can grow (and detach) the wasm heap.
      const ids = wasm.typedArrayFromHeap(inputs['segmentIds'] as tf.TensorInfo);
      segmentSum(wasm.typedArrayFromHeap(out), wasm.typedArrayFromHeap(x), ids, g.rows, g.width, numSegments);
      return out;
    },
  });
  // The same loop on cpu: the registration above repeats only in how each backend hands out memory
  // (wasm: views of its heap after allocating the output; cpu: arrays behind data ids).
  if (tf.getKernel(KERNEL, 'cpu')) tf.unregisterKernel(KERNEL, 'cpu');
  tf.registerKernel({
    kernelName: KERNEL,
    backendName: 'cpu',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const cpu = backend as unknown as CpuBackendLike;
      const x = inputs['x'] as tf.TensorInfo;
      const numSegments = (attrs as { numSegments: number }).numSegments;
      const g = geometry(x, numSegments);
      const xs = cpu.readSync(x.dataId);
      const out = new (xs.constructor as new (n: number) => Numeric)(tf.util.sizeFromShape(g.outShape));
      segmentSum(
        out,
        xs,
        cpu.readSync((inputs['segmentIds'] as tf.TensorInfo).dataId),
        g.rows,
        g.width,
        numSegments,
      );
      return cpu.makeTensorInfo(g.outShape, x.dtype, out);
    },
  });
}
