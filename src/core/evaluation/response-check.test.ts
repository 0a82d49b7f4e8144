import { describe, expect, it } from 'vitest';
import { checkResponse, type ResponseProbe } from './response-check';

const probe = (userId: string, afterCorrect: number[], afterIncorrect: number[]): ResponseProbe => ({
  userId,
  topic: 'Calculus',
  difficulty: 'easy',
  afterCorrect,
  afterIncorrect,
});

const UP = [0.5, 0.52, 0.52, 0.55, 0.6, 0.61];
const DOWN = [0.5, 0.48, 0.48, 0.45, 0.4, 0.39];

describe('checkResponse', () => {
  it('passes monotone curves, flat steps included', () => {
    const r = checkResponse([probe('bulk', UP, DOWN), probe('you2', [0.3, 0.3, 0.3, 0.3, 0.3, 0.3], DOWN)]);
    expect(r).toEqual({ responsive: true, violations: [], violatingUsers: [] });
  });

  it('reports each wrong-way step with its user and position', () => {
    // afterCorrect falls 0.55 → 0.53 at step 2; afterIncorrect rises 0.45 → 0.47 at step 4.
    const r = checkResponse([
      probe('bulk', UP, DOWN),
      probe('nigag', [0.5, 0.55, 0.53, 0.6, 0.6, 0.7], [0.5, 0.48, 0.46, 0.45, 0.47, 0.4]),
    ]);
    expect(r.responsive).toBe(false);
    expect(r.violatingUsers).toEqual(['nigag']);
    expect(r.violations).toHaveLength(2);
    expect(r.violations[0]).toMatchObject({
      userId: 'nigag',
      curve: 'afterCorrect',
      step: 2,
      from: 0.55,
      to: 0.53,
    });
    expect(r.violations[0]?.change).toBeCloseTo(-0.02, 12);
    expect(r.violations[1]).toMatchObject({ curve: 'afterIncorrect', step: 4, from: 0.45, to: 0.47 });
  });

  it('lets a move of exactly the tolerance pass and a hair more fail', () => {
    // Drop 0.5 → 0.499 = 0.001 (0.0010000000000000009 in doubles) passes; 0.5 → 0.4989 = 0.0011 fails.
    expect(checkResponse([probe('a', [0.5, 0.499, 0.499, 0.499, 0.499, 0.499], DOWN)]).responsive).toBe(true);
    expect(checkResponse([probe('a', [0.5, 0.4989, 0.4989, 0.4989, 0.4989, 0.4989], DOWN)]).responsive).toBe(
      false,
    );
    // Same for a rise after incorrect answers.
    expect(checkResponse([probe('a', UP, [0.5, 0.501, 0.501, 0.501, 0.501, 0.501])]).responsive).toBe(true);
    expect(checkResponse([probe('a', UP, [0.5, 0.5011, 0.5, 0.5, 0.5, 0.5])]).responsive).toBe(false);
    // Tolerance 0: any drop fails.
    expect(checkResponse([probe('a', [0.5, 0.499, 0.499, 0.499, 0.499, 0.499], DOWN)], 0).responsive).toBe(
      false,
    );
  });

  it('treats a non-finite value as a violation and no probes as not responsive', () => {
    const r = checkResponse([probe('a', [0.5, Number.NaN, 0.6, 0.6, 0.6, 0.6], DOWN)]);
    expect(r.responsive).toBe(false);
    expect(r.violations.map((v) => v.step)).toEqual([1, 2]);
    expect(Number.isNaN(r.violations[0]?.change)).toBe(true);
    expect(checkResponse([]).responsive).toBe(false);
    expect(() => checkResponse([], -0.1)).toThrow(RangeError);
  });
});
