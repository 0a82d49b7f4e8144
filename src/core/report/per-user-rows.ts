/**
 * The rows of a users × strategies table as text: each user's value under every strategy, "–" where a
 * strategy has none for that user. One formatter for every such table (the per-user log loss table, the
 * numbers under each per-user dot plot), so they read alike. Pure; the page draws what it returns.
 */

/**
 * Rows a page table lists at most; the rest are counted under it (every user's numbers are in the report).
 * Ten thousand users made tables of 80,000 cells, re-rendered after every strategy, for nobody to scroll.
 */
export const MAX_TABLE_USERS = 500;

/**
 * A user → value lookup built once, the first entry of each user winning (as `find` would). Looking each user
 * up in a list was quadratic: 10,000 users × 6 strategies took seconds per render on the main thread.
 */
export function byUser<E extends { userId: string }>(
  entries: readonly E[],
  value: (entry: E) => number | null | undefined,
): (userId: string) => number | null | undefined {
  const map = new Map<string, number | null | undefined>();
  for (const e of entries) if (!map.has(e.userId)) map.set(e.userId, value(e));
  return (userId) => map.get(userId);
}

export interface PerUserRow {
  userId: string;
  /** One cell per strategy, in the strategies' order. */
  cells: { id: string; text: string }[];
}

export function perUserRows<S extends { id: string }>(
  users: readonly string[],
  strategies: readonly S[],
  valueOf: (strategy: S, userId: string) => number | null | undefined,
  format: (value: number) => string,
): PerUserRow[] {
  return users.map((userId) => ({
    userId,
    cells: strategies.map((s) => {
      const value = valueOf(s, userId);
      return { id: s.id, text: value === null || value === undefined ? '–' : format(value) };
    }),
  }));
}
