import { describe, expect, it } from 'vitest';
import { presetRecipe } from '../strategies/catalogue';
import { recipeFields } from '../strategies/recipe-fields';
import { parseSweepValues, planSweep, presetBase, SWEEP_LIMITS } from './plan-sweep';

describe('planSweep', () => {
  it('makes one own recipe per value, differing from the base only in the swept field', () => {
    const base = presetBase('balanced-sampling');
    const plan = planSweep(base, [{ name: 'capPerUser', values: [25, 50, 150, 300] }]);
    expect(plan.points.map((p) => p.id)).toEqual(['point-1', 'point-2', 'point-3', 'point-4']);
    expect(plan.points.map((p) => p.recipe.capPerUser)).toEqual([25, 50, 150, 300]);
    expect(plan.points[0]?.label).toBe('Cap per user 25');
    for (const p of plan.points) {
      const [a, b] = [recipeFields(p.recipe), recipeFields(base.recipe)];
      expect(Object.keys(a).filter((k) => a[k] !== b[k])).toEqual(
        p.recipe.capPerUser === 150 ? [] : ['capPerUser'],
      );
    }
    // The base's own cap (150) is among the values: it is the reference.
    expect(plan.reference).toBe('point-3');
    expect(plan.points[2]?.recipe).toEqual(recipeFromRoundTrip(base.recipe));
  });

  it('lays two parameters out row-major, the first outer, and sets a rate ratio from the rate it trains with', () => {
    const plan = planSweep(presetBase('progressive'), [
      { name: 'learningRate', values: [0.001, 0.01] },
      { name: 'finetuneRateRatio', values: [1, 0.1] },
    ]);
    expect(plan.points.map((p) => p.values)).toEqual([
      { learningRate: 0.001, finetuneRateRatio: 1 },
      { learningRate: 0.001, finetuneRateRatio: 0.1 },
      { learningRate: 0.01, finetuneRateRatio: 1 },
      { learningRate: 0.01, finetuneRateRatio: 0.1 },
    ]);
    const rate = (i: number) => {
      const s = plan.points[i]?.recipe.schedule;
      return s?.kind === 'pretrain-then-finetune' ? s.learningRate : undefined;
    };
    expect([rate(0), rate(1), rate(2), rate(3)]).toEqual([0.001, 0.0001, 0.01, 0.001]);
  });

  it('takes the first point as the reference when the base value is not swept', () => {
    expect(
      planSweep(presetBase('weighted-loss'), [{ name: 'weightExponent', values: [0, 0.5] }]).reference,
    ).toBe('point-1');
  });

  it('refuses, in one line, what cannot be swept', () => {
    const base = presetBase('full-retrain');
    const refusal = (axes: Parameters<typeof planSweep>[1]) => {
      try {
        planSweep(base, axes);
      } catch (error) {
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(refusal([])).toMatch(/one or two parameters/);
    expect(refusal([{ name: 'nope', values: [1] }])).toMatch(
      /unknown parameter "nope"; one of: architecture, capPerUser/,
    );
    expect(refusal([{ name: 'minTasks', values: [5, 10] }])).toBe(
      'minTasks changes nothing in "1. Full retrain (no changes)": it needs per-user fine-tunes (perUser fine-tune)',
    );
    expect(refusal([{ name: 'epochs', values: [1, 1] }])).toBe('epochs: 1 is given twice');
    expect(refusal([{ name: 'epochs', values: [] }])).toMatch(/give 1 to 12 values/);
    expect(
      refusal([
        { name: 'epochs', values: [1, 2, 3, 4, 5, 6, 7, 8] },
        { name: 'batchSize', values: [8, 16, 32, 64, 128, 256, 512, 1024] },
      ]),
    ).toBe(`64 points is more than a sweep's ${SWEEP_LIMITS.points}; give fewer values`);
    expect(
      refusal([
        { name: 'epochs', values: [1] },
        { name: 'epochs', values: [2] },
      ]),
    ).toBe('epochs is swept twice');
    expect(refusal([{ name: 'learningRate', values: [5] }])).toMatch(/^Learning rate 5: /);
  });
});

describe('parseSweepValues', () => {
  it("reads each value by the parameter's rule and names the one it refuses", () => {
    expect(parseSweepValues('capPerUser', '25, 50,none')).toEqual([25, 50, 'none']);
    expect(parseSweepValues('weightExponent', '0,0.25,1')).toEqual([0, 0.25, 1]);
    expect(parseSweepValues('architecture', 'v1,base')).toEqual(['v1', 'base']);
    expect(() => parseSweepValues('capPerUser', '25,x')).toThrow('capPerUser: "x" is not a number');
    expect(() => parseSweepValues('epochs', '1,,2')).toThrow(/separated by commas/);
    expect(() => parseSweepValues('architecture', 'v3')).toThrow(
      'architecture: "v3" is not one of v1, v2, base',
    );
  });
});

const recipeFromRoundTrip = (r: ReturnType<typeof presetRecipe>) =>
  planSweep({ id: 'x', label: 'x', recipe: r }, [{ name: 'epochs', values: [r.training.epochs] }]).points[0]
    ?.recipe;
