import { describe, expect, it } from 'vitest';
import { phaseBatch } from './batch-rule';

describe('phaseBatch', () => {
  it('keeps the fixed batch and rate when not scaled (seed-faithful)', () => {
    expect(phaseBatch(735, { batchSize: 32, learningRate: 1e-3 })).toEqual({
      batch: 32,
      steps: 22,
      learningRate: 1e-3,
    });
    expect(phaseBatch(735, { batchSize: 32, learningRate: 1e-3, stepsPerEpoch: 0 }).batch).toBe(32);
  });

  it('aims at stepsPerEpoch steps, raising the rate by √(batch / base)', () => {
    const b = phaseBatch(735, { batchSize: 32, learningRate: 1e-3, stepsPerEpoch: 4 });
    expect(b.batch).toBe(183);
    expect(b.steps).toBe(4);
    expect(b.learningRate).toBeCloseTo(1e-3 * Math.sqrt(183 / 32), 12);
    const big = phaseBatch(100_000, { batchSize: 32, learningRate: 1e-3, stepsPerEpoch: 4 });
    expect(big).toMatchObject({ batch: 25_000, steps: 4 });
  });

  it('never goes below the base batch, nor above the rows there are', () => {
    expect(phaseBatch(60, { batchSize: 32, learningRate: 1e-3, stepsPerEpoch: 4 })).toEqual({
      batch: 32,
      steps: 1,
      learningRate: 1e-3,
    });
    expect(phaseBatch(12, { batchSize: 32, learningRate: 1e-3, stepsPerEpoch: 4 })).toMatchObject({
      batch: 12,
      steps: 1,
    });
    expect(phaseBatch(0, { batchSize: 32, learningRate: 1e-3 }).steps).toBe(0);
  });
});
