/**
 * How much arithmetic the fused engine did, and how fast its dense kernel runs here: the benchmarks' measure
 * of distance to the limit. The engine adds the multiply-adds of every dense product it computes (forward,
 * weight and input gradients; validation passes apart) to counters of this thread; `denseGmacs` times the
 * dense kernel alone on a full batch of the first layer's shape, the best case for the whole step.
 */
import { instantiateKernels } from './simd-kernels';

const counters = { trainMacs: 0, inferMacs: 0 };

/** Multiply-adds counted on this thread since it started: training steps and validation passes. */
export function arithmeticDone(): { trainMacs: number; inferMacs: number } {
  return { ...counters };
}

export function countTrainMacs(macs: number): void {
  counters.trainMacs += macs;
}

export function countInferMacs(macs: number): void {
  counters.inferMacs += macs;
}

/** The dense kernel's rate here, GMAC/s: rows × in → units (default 512 × 53 → 64, dense 1 of v2), best of 5. */
export function denseGmacs(rows = 512, inDim = 53, units = 64, ms = 200): number {
  const floats = rows * inDim + inDim * units + units + rows * units;
  const k = instantiateKernels(floats);
  for (let i = 0; i < floats; i++) k.f32[i] = ((i * 7919) % 1000) / 1000 - 0.5;
  const [x, w, b, out] = [
    0,
    rows * inDim,
    rows * inDim + inDim * units,
    rows * inDim + inDim * units + units,
  ];
  return bestGmacs(rows * inDim * units, () => k.dense(4 * x, 4 * w, 4 * b, 4 * out, rows, inDim, units), ms);
}

/** GMAC/s of `call` (macs multiply-adds a call): the best of 5 rounds of ms ÷ 5, calling it in bursts of 20. */
export function bestGmacs(macs: number, call: () => void, ms = 200): number {
  let best = 0;
  for (let round = 0; round < 5; round++) {
    let calls = 0;
    const started = performance.now();
    let elapsed = 0;
    while (elapsed < ms / 5) {
      for (let i = 0; i < 20; i++) call();
      calls += 20;
      elapsed = performance.now() - started;
    }
    best = Math.max(best, (calls * macs) / elapsed / 1e6);
  }
  return best;
}
