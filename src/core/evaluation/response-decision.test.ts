import { describe, expect, it } from 'vitest';
import { pointsText, probeDecision } from './response-decision';

const probe = (c: number[], i: number[]) => ({ afterCorrect: c, afterIncorrect: i });

describe('probeDecision (docs/contract.md §2, revised)', () => {
  it('passes a rise, and a flat line above the incorrect path', () => {
    const up = probeDecision(
      probe([0.5, 0.52, 0.55, 0.57, 0.6, 0.62], [0.5, 0.48, 0.45, 0.43, 0.4, 0.38]),
      0.01,
    );
    expect(up).toMatchObject({ pass: true });
    expect(up.correctChange).toBeCloseTo(0.12);
    expect(up.gap).toBeCloseTo(0.24);
    expect(up.reason).toBe('after 5 correct answers it moves +12.0 points, +24.0 points against 5 incorrect');
    const flat = probeDecision(
      probe([0.9, 0.9, 0.9, 0.9, 0.9, 0.9], [0.9, 0.89, 0.88, 0.88, 0.87, 0.87]),
      0.01,
    );
    expect(flat.pass).toBe(true);
    expect(flat.reason).toMatch(/stays level/);
    // Practice after wrong answers may rightly raise P(correct): not a failure by itself.
    expect(
      probeDecision(probe([0.5, 0.55, 0.6, 0.6, 0.6, 0.6], [0.5, 0.51, 0.52, 0.53, 0.54, 0.55]), 0.01).pass,
    ).toBe(true);
  });

  it('fails a fall beyond the tolerance, saying by how much', () => {
    const down = probeDecision(
      probe([0.6, 0.59, 0.58, 0.58, 0.58, 0.577], [0.6, 0.5, 0.4, 0.3, 0.2, 0.1]),
      0.01,
    );
    expect(down.pass).toBe(false);
    expect(down.reason).toBe('5 correct answers lower it by 2.3 points (more than 1.0 allowed)');
    // Exactly the tolerance passes.
    expect(
      probeDecision(probe([0.5, 0.5, 0.5, 0.5, 0.5, 0.49], [0.5, 0.4, 0.4, 0.4, 0.4, 0.4]), 0.01).pass,
    ).toBe(true);
  });

  it('fails when correct answers end below where incorrect ones would', () => {
    const crossed = probeDecision(
      probe([0.5, 0.5, 0.5, 0.5, 0.5, 0.5], [0.5, 0.52, 0.54, 0.56, 0.58, 0.6]),
      0.01,
    );
    expect(crossed.pass).toBe(false);
    expect(crossed.reason).toBe(
      'after 5 correct answers it ends 10.0 points below where 5 incorrect answers leave it',
    );
  });

  it('fails a non-finite prediction', () => {
    expect(probeDecision(probe([0.5, NaN], [0.5, 0.4]), 0.01)).toMatchObject({
      pass: false,
      reason: 'a prediction is not a number',
    });
  });

  it('writes points with a sign', () => {
    expect(pointsText(0.0123)).toBe('+1.2');
    expect(pointsText(-0.004)).toBe('−0.4');
    expect(pointsText(0.0004)).toBe('±0.0');
  });
});
