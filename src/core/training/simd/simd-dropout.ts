/**
 * Inverted dropout in the fused engine: the kernel masks and scales a block of activations, its four
 * SIMD lanes' random streams seeded from the training step's generator.
 */
import type { SimdKernels } from './simd-kernels';

const UINT32 = 4_294_967_296;

/** Inverted dropout (kernel): the four lanes' streams start from the step's generator. */
export function dropout(
  k: SimdKernels,
  src: number,
  dst: number,
  mask: number,
  count: number,
  rate: number,
  rand: () => number,
): void {
  const seed = () => Math.floor(rand() * UINT32);
  k.dropout(4 * src, 4 * dst, 4 * mask, count, rate, 1 / (1 - rate), seed(), seed(), seed(), seed());
}
