/**
 * The wasm backend's GatherV2 for what an Embedding does — whole rows of a table picked by int32
 * indices along axis 0 — as one row copy each. tfjs-backend-wasm 4.22 takes 0.55–0.8 ms for 734
 * rows of 16–32 floats (a strided loop per element), and every training step gathers three tables
 * forward. Any other gather (axis, batch dims, dtype) keeps the original kernel. Imports tfjs only.
 */
import * as tf from '@tensorflow/tfjs';

interface WasmBackendLike {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(t: tf.TensorInfo): Float32Array | Int32Array;
}

const NAME = 'GatherV2';
let wrapped = false;

/** Wrap the wasm GatherV2 once the wasm backend is loaded (a no-op before, and after the first time). */
export function registerWasmGather(): void {
  if (wrapped) return;
  const original = tf.getKernel(NAME, 'wasm');
  if (!original) return;
  wrapped = true;
  const gather = original.kernelFunc;
  tf.unregisterKernel(NAME, 'wasm');
  tf.registerKernel({
    ...original,
    kernelFunc: (args) => {
      const x = args.inputs['x'] as tf.TensorInfo;
      const indices = args.inputs['indices'] as tf.TensorInfo;
      const { axis, batchDims } = args.attrs as { axis: number; batchDims: number };
      if (x.shape.length !== 2 || indices.shape.length !== 1 || axis !== 0 || batchDims !== 0)
        return gather(args);
      if (x.dtype !== 'float32' || indices.dtype !== 'int32') return gather(args);
      const wasm = args.backend as unknown as WasmBackendLike;
      const [rows, width] = x.shape as [number, number];
      const n = indices.shape[0] as number;
      const out = wasm.makeOutput([n, width], 'float32');
      // Views only after allocating: allocation can grow (and detach) the wasm heap.
      const table = wasm.typedArrayFromHeap(x);
      const ids = wasm.typedArrayFromHeap(indices);
      const dst = wasm.typedArrayFromHeap(out);
      for (let r = 0; r < n; r++) {
        const id = ids[r] as number;
        // tfjs checks indices on the CPU backends only; an index out of range gives zeros, as on WebGL.
        if (id < 0 || id >= rows) dst.fill(0, r * width, (r + 1) * width);
        else dst.set(table.subarray(id * width, (id + 1) * width), r * width);
      }
      return out;
    },
  });
}
