/**
 * Inverted dropout in the fused engine: the kernel masks and scales a block of activations, its four
 * SIMD lanes' random streams seeded from the training step's generator (or the pass before it does:
 * FusedDropout).
 */
import type { SimdKernels } from './simd-kernels';

const UINT32 = 4_294_967_296;

/** Inverted dropout's scale of a kept value: what its masks stand for wherever they are read. */
export const dropoutScale = (rate: number): number => 1 / (1 - rate);

/** The four lanes' stream starts of one dropout, drawn from the step's generator in lane order. */
export function dropoutSeeds(rand: () => number): [number, number, number, number] {
  const seed = () => Math.floor(rand() * UINT32);
  return [seed(), seed(), seed(), seed()];
}

/** A dropout to run inside the pass that writes its input (float offset of its mask). */
export interface FusedDropout {
  mask: number;
  rate: number;
  seeds: [number, number, number, number];
}

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
  k.dropout(4 * src, 4 * dst, 4 * mask, count, rate, dropoutScale(rate), ...dropoutSeeds(rand));
}
