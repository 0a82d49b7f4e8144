import { describe, expect, it } from 'vitest';
import type { ResponseProbe } from '../src/core/evaluation/response-check';
import { pooledUserLogLoss, responseGap, revisedResponsive, seedInterval } from './seed-sweep-metrics';

const flat = (p: number) => [p, p, p, p, p, p];
/** A probe of one user's cell: only the curves matter to the check. */
const probe = (afterCorrect: number[], afterIncorrect: number[]): ResponseProbe => ({
  userId: 'u',
  topic: 't',
  difficulty: 'medium',
  afterCorrect,
  afterIncorrect,
});

describe('seed sweep metrics', () => {
  it('revised response check: flat passes, a drop past 0.01 or ending below the incorrect curve fails', () => {
    expect(revisedResponsive([probe(flat(0.6), flat(0.6))])).toBe(true);
    expect(revisedResponsive([probe([0.6, 0.5, 0.5, 0.5, 0.5, 0.59], flat(0.6))])).toBe(true);
    expect(revisedResponsive([probe([0.6, 0, 0, 0, 0, 0.58], flat(0.5))])).toBe(false);
    expect(revisedResponsive([probe([0.5, 0, 0, 0, 0, 0.6], [0.5, 0, 0, 0, 0, 0.62])])).toBe(false);
    expect(revisedResponsive([])).toBe(false);
  });

  it('responseGap is the mean of the last correct minus the last incorrect value', () => {
    expect(
      responseGap([
        probe([0, 0, 0, 0, 0, 0.7], [0, 0, 0, 0, 0, 0.5]),
        probe([0, 0, 0, 0, 0, 0.4], [0, 0, 0, 0, 0, 0.5]),
      ]),
    ).toBeCloseTo(0.05, 12);
  });

  it('pools users with fewer than 5 held-out rows into one group before averaging', () => {
    const users = ['a', 'a', 'a', 'a', 'a', 'b', 'c'];
    const labels = [1, 1, 1, 1, 1, 0, 1];
    const p = [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, Math.exp(-1)];
    // a: ln 2; pooled {b, c}: (ln 2 + 1) / 2.
    expect(pooledUserLogLoss(users, labels, p)).toBeCloseTo((Math.LN2 + (Math.LN2 + 1) / 2) / 2, 6);
  });

  it('gives a t interval over seeds', () => {
    const s = seedInterval([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(s.mean).toBe(5.5);
    expect(s.hi - s.mean).toBeCloseTo(2.262 * (Math.sqrt(55 / 6) / Math.sqrt(10)), 6);
    expect(seedInterval([3])).toEqual({ mean: 3, lo: 3, hi: 3 });
  });
});
