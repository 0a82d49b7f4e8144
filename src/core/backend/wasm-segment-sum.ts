/**
 * The UnsortedSegmentSum kernel the tfjs 4.22 wasm backend lacks (tfjs #8082): without it the gradient of
 * gather — so of every Embedding — fails on wasm. A plain loop over the wasm heap; core only, no DOM.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

type Inputs = { x: tf.TensorInfo; segmentIds: tf.TensorInfo };

function unsortedSegmentSum({
  inputs,
  backend,
  attrs,
}: {
  inputs: Inputs;
  backend: BackendWasm;
  attrs: { numSegments: number };
}) {
  const { x, segmentIds } = inputs;
  const { numSegments } = attrs;
  const rowSize = x.shape.slice(1).reduce((a, b) => a * b, 1);
  const out = backend.makeOutput([numSegments, ...x.shape.slice(1)], x.dtype);
  // Heap views go stale when the heap grows, so they are taken only after the output is allocated.
  const target = backend.typedArrayFromHeap(out);
  const values = backend.typedArrayFromHeap(x);
  const ids = backend.typedArrayFromHeap(segmentIds);
  target.fill(0);
  for (let i = 0; i < ids.length; i++) {
    const segment = ids[i] as number;
    // tf semantics: ids outside [0, numSegments) are dropped.
    if (segment < 0 || segment >= numSegments) continue;
    const from = i * rowSize;
    const to = segment * rowSize;
    for (let j = 0; j < rowSize; j++)
      target[to + j] = (target[to + j] as number) + (values[from + j] as number);
  }
  return out;
}

let registered = false;

/** Registers the kernel for the wasm backend once; harmless to call again. */
export function registerWasmSegmentSum(): void {
  if (registered || tf.getKernel('UnsortedSegmentSum', 'wasm')) {
    registered = true;
    return;
  }
  tf.registerKernel({
    kernelName: 'UnsortedSegmentSum',
    backendName: 'wasm',
    kernelFunc: unsortedSegmentSum as unknown as tf.KernelFunc,
  });
  registered = true;
}
