import { describe, expect, it } from 'vitest';
import { clockText, estimateRemaining, runFraction } from './run-estimate';
import type { StrategyProgress } from './training-slice';

const at = (epoch: number, epochs: number, done = false, seedsDone = 0, repeats = 1): StrategyProgress => ({
  phase: 'train',
  head: 'correctness',
  epoch,
  epochs,
  losses: [],
  valLosses: [],
  seedsDone,
  repeats,
  seedIndex: seedsDone,
  done,
});

describe('run estimate', () => {
  it('counts each strategy once, done ones fully, waiting ones not at all', () => {
    expect(runFraction(['a', 'b'], { a: at(0, 0, true) })).toBe(0.5);
    expect(runFraction(['a', 'b'], { a: at(25, 50), b: undefined })).toBe(0.25);
    expect(runFraction(['a'], { a: at(0, 50) })).toBeCloseTo(0.1);
    expect(runFraction([], {})).toBe(0);
  });
  it('counts a strategy’s finished seeds when the run repeats them', () => {
    // Seed 3 of 4 half-way: (2 + 0.5) / 4.
    expect(runFraction(['a'], { a: at(25, 50, false, 2, 4) })).toBeCloseTo(0.625);
    expect(runFraction(['a', 'b'], { a: at(0, 0, true, 4, 4), b: at(25, 50, false, 0, 4) })).toBeCloseTo(
      (1 + 0.125) / 2,
    );
  });
  it('trusts a previous run of the same work until the run outlasts it', () => {
    expect(estimateRemaining(2000, 0.05, 10_000)).toEqual({ remainingMs: 8000, basis: 'previous run' });
    expect(estimateRemaining(10_500, 0.5, 10_000)).toEqual({ remainingMs: 0, basis: 'previous run' });
    expect(estimateRemaining(20_000, 0.5, 10_000)).toEqual({ remainingMs: 20_000, basis: 'progress' });
  });
  it('extrapolates from progress only once it says something', () => {
    expect(estimateRemaining(1000, 0.5)).toEqual({ basis: 'none' });
    expect(estimateRemaining(10_000, 0.1)).toEqual({ basis: 'none' });
    expect(estimateRemaining(6000, 0.25)).toEqual({ remainingMs: 18_000, basis: 'progress' });
  });
  it('writes durations as a clock', () => {
    expect(clockText(7400)).toBe('0:07');
    expect(clockText(65_000)).toBe('1:05');
    expect(clockText(3_723_000)).toBe('1:02:03');
  });
});
