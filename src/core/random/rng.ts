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

/** alea's whole state: a generator can be resumed from it exactly (seedrandom's `{ state: true }`). */
export interface AleaState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}

/** The state `createRng(seed)` starts from: for hot loops that step alea inline (see `countDraws`). */
export function aleaState(seed: number | string): AleaState {
  return seedrandom.alea(String(seed), { state: true }).state();
}

/**
 * For each pool in `pools`, draw as many members as the pool holds, uniformly with replacement, and add
 * one to `counts[member]` per draw — exactly the draws `pool[rng.int(pool.length)]` of an Rng at `state`
 * would make, in the same order (the state is advanced in place). alea is stepped inline: the bootstrap
 * makes millions of draws per strategy on a big file, and the closure calls of `Rng.int` cost several
 * times the arithmetic. Counts may be one byte per member (a quarter of the memory the draws scatter into,
 * so a held-out set of 200,000 rows stays in cache): the return value says whether some count passed 255
 * in this call — a byte's count then wrapped, and the caller replays the same draws into wider counts.
 */
export function countDraws(
  state: AleaState,
  pools: readonly Int32Array[],
  counts: Uint8Array | Uint32Array,
): boolean {
  let { c, s0, s1, s2 } = state;
  let past255 = false;
  for (const pool of pools) {
    const n = pool.length;
    for (let i = 0; i < n; i++) {
      // alea's step, as seedrandom writes it: t = 2091639·s0 + c·2⁻³²; c = ⌊t⌋; the output is t − c.
      const t = 2091639 * s0 + c * 2.3283064365386963e-10;
      s0 = s1;
      s1 = s2;
      c = t | 0;
      s2 = t - c;
      const member = pool[Math.floor(s2 * n)] as number;
      const count = (counts[member] as number) + 1;
      counts[member] = count;
      if (count > 255) past255 = true;
    }
  }
  state.c = c;
  state.s0 = s0;
  state.s1 = s1;
  state.s2 = s2;
  return past255;
}

/**
 * alea as a plain object with its state in fields: the same numbers as `createRng(seed)`, and an
 * `AleaState`, so `countDraws` can step it inline between single draws (the repeated-runs bootstrap draws
 * a user, then that user's rows, millions of times per strategy on a big file).
 */
export class AleaStream implements AleaState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
  constructor(seed: number | string) {
    const start = aleaState(seed);
    this.c = start.c;
    this.s0 = start.s0;
    this.s1 = start.s1;
    this.s2 = start.s2;
  }
  /** Uniform in [0, 1): createRng's `next`. */
  next(): number {
    const t = 2091639 * this.s0 + this.c * 2.3283064365386963e-10;
    this.s0 = this.s1;
    this.s1 = this.s2;
    this.c = t | 0;
    this.s2 = t - this.c;
    return this.s2;
  }
  /** Integer in [0, n): createRng's `int`. */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
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
