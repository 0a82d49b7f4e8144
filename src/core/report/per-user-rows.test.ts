import { describe, expect, it } from 'vitest';
import { byUser, perUserRows } from './per-user-rows';

describe('perUserRows', () => {
  const strategies = [
    { id: 'a', values: new Map([['u1', 0.5]]) },
    {
      id: 'b',
      values: new Map<string, number | null>([
        ['u1', null],
        ['u2', 1.25],
      ]),
    },
  ];
  const rows = perUserRows(
    ['u1', 'u2'],
    strategies,
    (s, userId) => s.values.get(userId),
    (v) => v.toFixed(2),
  );

  it('gives every user a cell under every strategy, in their order', () => {
    expect(rows.map((r) => r.userId)).toEqual(['u1', 'u2']);
    expect(rows.map((r) => r.cells.map((c) => c.id))).toEqual([
      ['a', 'b'],
      ['a', 'b'],
    ]);
  });

  it('formats values and shows a dash where a strategy has none for the user', () => {
    expect(rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['0.50', '–'],
      ['–', '1.25'],
    ]);
  });

  it('looks users up once per strategy: the first entry of a user wins, as find would', () => {
    const lookup = byUser(
      [
        { userId: 'u1', v: 1 },
        { userId: 'u2', v: null },
        { userId: 'u1', v: 3 },
      ],
      (e) => e.v,
    );
    expect([lookup('u1'), lookup('u2'), lookup('u3')]).toEqual([1, null, undefined]);
  });
});
