/**
 * Test data for the SIMD kernels' tests: random floats in [−1, 1) from a seeded generator, and a
 * comparison to 5 decimals for results summed in another order than a plain loop's.
 */
import { expect } from 'vitest';
import { createRng } from '../../random/rng';

export function kernelTestData(seed: string) {
  const rng = createRng(seed);
  const fill = (f: Float32Array, at: number, n: number) => {
    for (let i = 0; i < n; i++) f[at + i] = rng.next() * 2 - 1;
  };
  const close = (a: ArrayLike<number>, b: ArrayLike<number>) => {
    expect(a.length).toBe(b.length);
    for (let i = 0; i < a.length; i++) expect(a[i]).toBeCloseTo(b[i] as number, 5);
  };
  return { rng, fill, close };
}
