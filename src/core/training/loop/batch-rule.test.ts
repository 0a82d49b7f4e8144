import { describe, expect, it } from 'vitest';
import {
  BUDGET_RATE,
  EPOCH_ROWS,
  LAB_PATIENCE,
  MAX_SCALED_BATCH,
  USER_EPOCH_ROWS,
  phaseBatch,
} from './batch-rule';

const seed = { batchSize: 32, learningRate: 1e-3, epochs: 50 };

describe('phaseBatch', () => {
  it('keeps the fixed batch, rate and epochs when not scaled (seed-faithful)', () => {
    expect(phaseBatch(735, seed)).toEqual({
      batch: 32,
      steps: 22,
      epochs: 50,
      learningRate: 1e-3,
      bnMomentum: 0.99,
      patience: 0,
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

  it('gives a phase that trains a user embedding USER_EPOCH_ROWS rows per epoch instead', () => {
    const user = { ...seed, stepsPerEpoch: 125, userEmbedding: true };
    expect(USER_EPOCH_ROWS).toBeGreaterThan(EPOCH_ROWS);
    // EdNet's 110,892 training rows: 9 of 50 epochs with a user embedding, 2 without.
    expect(phaseBatch(110_892, user).epochs).toBe(Math.round((50 * USER_EPOCH_ROWS) / 110_892));
    expect(phaseBatch(110_892, { ...user, userEmbedding: false }).epochs).toBe(2);
    // Up to USER_EPOCH_ROWS rows it trains every epoch; the batch and rate follow the same rule either way.
    expect(phaseBatch(USER_EPOCH_ROWS, user).epochs).toBe(50);
    expect(phaseBatch(12_925, user)).toEqual({
      ...phaseBatch(12_925, { ...user, userEmbedding: false }),
      epochs: 50,
    });
  });

  it('counts a slower user-embedding phase’s epochs × √(BUDGET_RATE ÷ its rate), never past its own', () => {
    // Strategy 5's fine-tune on EdNet: 20 epochs at 1e-4 count 20 × √10 ≈ 63, so 11 epochs where 4 were cut.
    const fineTune = { ...seed, epochs: 20, learningRate: 1e-4, stepsPerEpoch: 125, userEmbedding: true };
    expect(BUDGET_RATE).toBe(1e-3);
    expect(phaseBatch(110_892, fineTune).epochs).toBe(
      Math.round((20 * Math.sqrt(10) * USER_EPOCH_ROWS) / 110_892),
    );
    expect(phaseBatch(110_892, fineTune).epochs).toBe(11);
    expect(phaseBatch(50_000, fineTune).epochs).toBe(20); // 25 by the budget: capped at its own 20
    // The Quick preset's fine-tune (2 epochs): one, as before.
    expect(phaseBatch(110_892, { ...fineTune, epochs: 2 }).epochs).toBe(1);
    // At the budget's rate or faster, or without a user embedding, the phase's own epochs count.
    expect(phaseBatch(110_892, { ...fineTune, learningRate: 1e-3 }).epochs).toBe(
      Math.round((20 * USER_EPOCH_ROWS) / 110_892),
    );
    expect(phaseBatch(110_892, { ...fineTune, learningRate: 5e-3 }).epochs).toBe(4);
    const perUser = { ...fineTune, epochs: 10, userEmbedding: false };
    expect(phaseBatch(15_000, perUser).epochs).toBe(Math.round((10 * EPOCH_ROWS) / 15_000));
  });

  it("stops early (LAB_PATIENCE) only where the batch grew past the design note's, keeping a longer patience", () => {
    const lab = { ...seed, stepsPerEpoch: 125 };
    expect(LAB_PATIENCE).toBeGreaterThan(0);
    expect(phaseBatch(735, lab)).toMatchObject({ batch: 32, patience: 0 }); // the design note's size: every epoch
    expect(phaseBatch(110_892, lab)).toMatchObject({ batch: 512, patience: LAB_PATIENCE });
    expect(phaseBatch(110_892, { ...lab, patience: 10 }).patience).toBe(10);
    expect(phaseBatch(110_892, seed).patience).toBe(0); // the Design note preset
  });

  it('never goes below the base batch, nor above the rows there are', () => {
    expect(phaseBatch(60, { ...seed, stepsPerEpoch: 2 })).toEqual({
      batch: 32,
      steps: 1,
      epochs: 50,
      learningRate: 1e-3,
      bnMomentum: 0.99,
      patience: 0,
    });
    expect(phaseBatch(12, { ...seed, stepsPerEpoch: 2 })).toMatchObject({ batch: 12, steps: 1 });
    expect(phaseBatch(0, seed).steps).toBe(0);
  });
});
