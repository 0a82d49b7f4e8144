/**
 * The rows of a users × strategies table as text: each user's value under every strategy, "–" where a
 * strategy has none for that user. One formatter for every such table (the per-user log loss table, the
 * numbers under each per-user dot plot), so they read alike. Pure; the page draws what it returns.
 */

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
