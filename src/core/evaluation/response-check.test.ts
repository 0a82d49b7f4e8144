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

describe('checkResponse (docs/contract.md §2, revised)', () => {
  it('passes curves that rise after correct answers and fall after incorrect ones, with their gap', () => {
    const r = checkResponse([probe('bulk', UP, DOWN)]);
    expect(r).toMatchObject({ responsive: true, violations: [], violatingUsers: [] });
    expect(r.responseGap).toBeCloseTo(0.61 - 0.39, 12);
  });

  it('passes flat curves: five more answers may rightly move a long history little', () => {
    const flat = [0.9, 0.9, 0.9, 0.9, 0.9, 0.9];
    expect(checkResponse([probe('bulk', flat, flat)]).responsive).toBe(true);
  });

  it('passes a dip in the middle and a rise after incorrect answers, which the withdrawn rule failed', () => {
    // Practice after a wrong answer may rightly raise P(correct): the simulator's truth does this.
    const r = checkResponse([
      probe('a', [0.5, 0.48, 0.49, 0.5, 0.51, 0.52], [0.5, 0.49, 0.5, 0.5, 0.51, 0.51]),
    ]);
    expect(r.responsive).toBe(true);
  });

  it('fails a fall of more than 0.01 after five correct answers, naming the rule', () => {
    const r = checkResponse([probe('bulk', UP, DOWN), probe('nigag', [0.5, 0.5, 0.5, 0.5, 0.5, 0.48], DOWN)]);
    expect(r.responsive).toBe(false);
    expect(r.violatingUsers).toEqual(['nigag']);
    expect(r.violations).toHaveLength(1);
    expect(r.violations[0]).toMatchObject({
      userId: 'nigag',
      rule: 'no-drop-after-correct',
      step: 5,
      from: 0.5,
      to: 0.48,
    });
    expect(r.violations[0]?.change).toBeCloseTo(-0.02, 12);
  });

  it('fails a prediction left below where five incorrect answers would leave it', () => {
    const r = checkResponse([
      probe('a', [0.5, 0.5, 0.5, 0.5, 0.5, 0.5], [0.5, 0.52, 0.53, 0.54, 0.55, 0.56]),
    ]);
    expect(r.responsive).toBe(false);
    expect(r.violations[0]).toMatchObject({ rule: 'correct-not-below-incorrect', from: 0.56, to: 0.5 });
    expect(r.responseGap).toBeCloseTo(-0.06, 12);
  });

  it('lets a change of exactly the tolerance pass and a hair more fail; tolerances are editable', () => {
    expect(checkResponse([probe('a', [0.5, 0.5, 0.5, 0.5, 0.5, 0.49], DOWN)]).responsive).toBe(true);
    expect(checkResponse([probe('a', [0.5, 0.5, 0.5, 0.5, 0.5, 0.4899], DOWN)]).responsive).toBe(false);
    expect(checkResponse([probe('a', [0.5, 0.5, 0.5, 0.5, 0.5, 0.49], DOWN)], { drop: 0 }).responsive).toBe(
      false,
    );
    const above = probe('a', [0.5, 0.5, 0.5, 0.5, 0.5, 0.5], [0.5, 0.5, 0.5, 0.5, 0.5, 0.51]);
    expect(checkResponse([above]).responsive).toBe(true);
    expect(checkResponse([above], { gap: 0 }).responsive).toBe(false);
  });

  it('treats a non-finite value as a violation and no probes as not responsive', () => {
    const r = checkResponse([probe('a', [0.5, 0.6, 0.6, 0.6, 0.6, Number.NaN], DOWN)]);
    expect(r.responsive).toBe(false);
    expect(r.violations.map((v) => v.rule)).toEqual(['no-drop-after-correct', 'correct-not-below-incorrect']);
    expect(Number.isNaN(r.violations[0]?.change)).toBe(true);
    expect(r.responseGap).toBeUndefined();
    expect(checkResponse([]).responsive).toBe(false);
    expect(checkResponse([]).responseGap).toBeUndefined();
    expect(() => checkResponse([], -0.1)).toThrow(RangeError);
    expect(() => checkResponse([], { gap: -1 })).toThrow(RangeError);
  });
});
