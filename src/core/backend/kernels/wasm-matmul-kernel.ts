/**
 * The wasm backend's BatchMatMul, routed to its fast path. tfjs-backend-wasm 4.22 sends only a
 * single, untransposed product to XNNPACK; a batch of products or a transposed operand (every
 * gradient) takes a naive loop up to 10× slower (bench/results: 940 µs vs 108 µs for [2,32,77]·
 * [2,77,64]). Stacked training multiplies [K, B, in] · [K, in, out], so each product is sliced out,
 * transposed where asked, multiplied on the fast path and the results joined. Imports tfjs only.
 */
import * as tf from '@tensorflow/tfjs';

interface WasmBackendLike {
  disposeData(dataId: object): void;
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(t: tf.TensorInfo): Float32Array;
}

const NAME = 'BatchMatMul';
let wrapped = false;

/** Wrap the wasm BatchMatMul once the wasm backend is loaded (a no-op before, and after the first time). */
export function registerWasmMatMul(): void {
  if (wrapped) return;
  const original = tf.getKernel(NAME, 'wasm');
  const transpose = tf.getKernel('Transpose', 'wasm')?.kernelFunc;
  const concat = tf.getKernel('Concat', 'wasm')?.kernelFunc;
  if (!original || !transpose || !concat) return;
  wrapped = true;
  const multiply = original.kernelFunc;
  tf.unregisterKernel(NAME, 'wasm');
  tf.registerKernel({
    ...original,
    kernelFunc: (args) => {
      const { inputs, backend } = args;
      const attrs = args.attrs as { transposeA: boolean; transposeB: boolean };
      const a = inputs['a'] as tf.TensorInfo;
      const b = inputs['b'] as tf.TensorInfo;
      const batches = a.shape[0] as number;
      const plain = !attrs.transposeA && !attrs.transposeB;
      // Only rank-3 products of equal batches are rerouted; anything else keeps the original kernel.
      if (
        a.shape.length !== 3 ||
        b.shape.length !== 3 ||
        b.shape[0] !== batches ||
        (batches === 1 && plain)
      ) {
        return multiply(args);
      }
      const wasm = backend as unknown as WasmBackendLike;
      const temps: tf.TensorInfo[] = [];
      const keep = (t: tf.TensorInfo) => (temps.push(t), t);
      const operand = (x: tf.TensorInfo, k: number, transposed: boolean) => {
        let part = x;
        if (batches > 1) {
          // Copied straight from the heap: the wasm Slice kernel copies all of x on every call.
          const rows = x.shape[1] as number;
          const cols = x.shape[2] as number;
          part = keep(wasm.makeOutput([1, rows, cols], x.dtype));
          // Views only after allocating: allocation can grow (and detach) the wasm heap.
          const from = wasm.typedArrayFromHeap(x);
          wasm.typedArrayFromHeap(part).set(from.subarray(k * rows * cols, (k + 1) * rows * cols));
        }
        return transposed
          ? keep(transpose({ inputs: { x: part }, backend, attrs: { perm: [0, 2, 1] } }) as tf.TensorInfo)
          : part;
      };
      const products: tf.TensorInfo[] = [];
      for (let k = 0; k < batches; k++) {
        products.push(
          multiply({
            inputs: { a: operand(a, k, attrs.transposeA), b: operand(b, k, attrs.transposeB) },
            backend,
            attrs: { ...args.attrs, transposeA: false, transposeB: false },
          }) as tf.TensorInfo,
        );
      }
      const out =
        batches === 1
          ? (products[0] as tf.TensorInfo)
          : (concat({
              inputs: products as unknown as tf.NamedTensorInfoMap,
              backend,
              attrs: { axis: 0 },
            }) as tf.TensorInfo);
      if (batches > 1) temps.push(...products);
      for (const t of temps) wasm.disposeData(t.dataId);
      return out;
    },
  });
}
