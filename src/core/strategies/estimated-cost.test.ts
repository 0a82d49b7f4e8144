import { describe, expect, it } from 'vitest';
import type { Task } from '../data/task';
import { CATALOGUE } from './catalogue';
import { costliestFirst, estimatedCost } from './estimated-cost';
import { resolveChoices } from './strategy-spec';

const specs = resolveChoices(CATALOGUE.map((s) => ({ id: s.id }))).map((r) => r.spec);
const spec = (id: string) => specs.find((s) => s.id === id) as (typeof specs)[number];
/** Training data with these per-user row counts (only the user of each row matters here). */
function data(perUser: readonly number[]) {
  const tasks = perUser.flatMap((n, u) => Array.from({ length: n }, () => ({ userId: `u${u}` }) as Task));
  return { tasks, trainIndices: tasks.map((_, i) => i) };
}
const order = (perUser: readonly number[]) => costliestFirst(specs, data(perUser), 0.2).map((s) => s.id);

describe('costliestFirst', () => {
  it('keeps the catalogue cost rank on data of the design note’s size (the sample: one user with 700 of 760)', () => {
    const byRank = [...CATALOGUE].sort((a, b) => a.costRank - b.costRank).map((p) => p.id);
    expect(order([700, 25, 15, 10, 10])).toEqual(byRank);
  });

  it('puts progressive first where its fine-tune is cut (14 users of 8,000 rows, as EdNet), balanced sampling last', () => {
    const ids = order(Array.from({ length: 14 }, () => 8_000));
    expect(ids[0]).toBe('progressive');
    expect(ids.at(-1)).toBe('balanced-sampling');
  });

  it('puts per-user first where thousands of users each get a fine-tune', () => {
    expect(order(Array.from({ length: 3_000 }, () => 40))[0]).toBe('per-user');
  });

  it('counts more rows as more cost, and a refused option as none', () => {
    const full = spec('full-retrain');
    expect(estimatedCost(full, [2_000], 0.2)).toBeLessThan(estimatedCost(full, [20_000], 0.2));
    const perUser = spec('per-user');
    const refused = { ...perUser, options: { ...perUser.options, baseWeighting: 'squared' } };
    expect(estimatedCost(refused, [2_000], 0.2)).toBe(0);
  });
});
