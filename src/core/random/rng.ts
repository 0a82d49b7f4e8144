/**
 * The one seeded random source of the project (seedrandom's alea): shuffles, simulators, bootstrap.
 * Everything random takes an Rng built from the user-visible seed, never Math.random.
 */
import seedrandom from 'seedrandom';

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Fisher–Yates shuffle in place; returns the same array. */
  shuffle<T>(items: T[]): T[];
  /** A 32-bit integer, e.g. to seed a tfjs initialiser or a child generator. */
  int32(): number;
}

export function createRng(seed: number | string): Rng {
  const prng = seedrandom.alea(String(seed));
  const next = (): number => prng();
  const int = (n: number): number => Math.floor(next() * n);
  return {
    next,
    int,
    normal() {
      // 1 - u keeps the log argument in (0, 1].
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    shuffle<T>(items: T[]): T[] {
      for (let i = items.length - 1; i > 0; i--) {
        const j = int(i + 1);
        const tmp = items[i] as T;
        items[i] = items[j] as T;
        items[j] = tmp;
      }
      return items;
    },
    int32: () => prng.int32(),
  };
}
