import { describe, expect, it } from 'vitest';
import { EPOCH_ROWS, MAX_SCALED_BATCH, phaseBatch } from './batch-rule';

const seed = { batchSize: 32, learningRate: 1e-3, epochs: 50 };

describe('phaseBatch', () => {
  it('keeps the fixed batch, rate and epochs when not scaled (seed-faithful)', () => {
    expect(phaseBatch(735, seed)).toEqual({
      batch: 32,
      steps: 22,
      epochs: 50,
      learningRate: 1e-3,
      bnMomentum: 0.99,
    });
    expect(phaseBatch(100_000, { ...seed, stepsPerEpoch: 0 })).toMatchObject({ batch: 32, epochs: 50 });
  });

  it('aims at stepsPerEpoch steps, raising the rate by √k and the BatchNorm decay to 0.99^k (k = batch ÷ 32)', () => {
    const b = phaseBatch(735, { ...seed, stepsPerEpoch: 2 });
    expect(b).toMatchObject({ batch: 367, steps: 2, epochs: 50 });
    expect(b.learningRate).toBeCloseTo(1e-3 * Math.sqrt(367 / 32), 12);
    expect(b.bnMomentum).toBeCloseTo(0.99 ** (367 / 32), 12);
  });

  it('caps the batch and, past EPOCH_ROWS rows, visits at most epochs × EPOCH_ROWS rows', () => {
    const big = phaseBatch(100_000, { ...seed, stepsPerEpoch: 2 });
    expect(big).toMatchObject({ batch: MAX_SCALED_BATCH, steps: Math.floor(100_000 / MAX_SCALED_BATCH) });
    expect(big.epochs).toBe(Math.round((50 * EPOCH_ROWS) / 100_000));
    expect(phaseBatch(2_000_000, { ...seed, stepsPerEpoch: 2 }).epochs).toBe(1);
  });

  it('never goes below the base batch, nor above the rows there are', () => {
    expect(phaseBatch(60, { ...seed, stepsPerEpoch: 2 })).toEqual({
      batch: 32,
      steps: 1,
      epochs: 50,
      learningRate: 1e-3,
      bnMomentum: 0.99,
    });
    expect(phaseBatch(12, { ...seed, stepsPerEpoch: 2 })).toMatchObject({ batch: 12, steps: 1 });
    expect(phaseBatch(0, seed).steps).toBe(0);
  });
});
