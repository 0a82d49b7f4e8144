/**
 * The row draws of the repeated-runs bootstrap (repeated-bootstrap.ts): each resample draws held-out users
 * with replacement, then each drawn user's rows, from one stream of the bootstrap seed. Every summary of a
 * run draws the same rows, so the draws are kept per held-out set and read back by the next summary.
 */
import { AleaStream, aleaState, countDraws, type AleaState } from '../random/rng';
import type { RowDraw, ScoredRows } from './counted-run';

/**
 * Draw held-out users with replacement, then each drawn user's rows: the draws `rng.int` would make, with
 * alea stepped inline for the rows (countDraws) — millions per strategy on a big file.
 */
function drawRows({ pooled, userPools }: Pools, stream: AleaStream, draw: RowDraw): void {
  draw.counts.fill(0);
  let ownGroups = 0;
  const users = userPools.length;
  for (let i = 0; i < users; i++) {
    const u = stream.int(users);
    if (pooled[u] === 0) ownGroups++;
    countDraws(stream, userPools[u] as readonly Int32Array[], draw.counts);
  }
  draw.ownGroups = ownGroups;
}

/** The held-out users' row pools and pooled flags, as drawRows takes them. */
interface Pools {
  pooled: Uint8Array;
  userPools: readonly (readonly Int32Array[])[];
}

/** Each held-out user's rows, and whether the user is pooled: built only when a draw is made. */
function poolsOf(rows: ScoredRows): Pools {
  const byUser = rows.groups.users.map(() => [] as number[]);
  rows.groups.userOfRow.forEach((u, r) => (byUser[u] as number[]).push(r));
  return {
    userPools: byUser.map((list) => [Int32Array.from(list)]),
    pooled: Uint8Array.from(rows.groups.users, (u) => (u.pooled ? 1 : 0)),
  };
}

/** The row draws of one bootstrap seed on one set of held-out rows, kept for the next bootstrap of them. */
interface KeptDraws {
  bootstrapSeed: string;
  /** Resample b's counts at [b·n, (b + 1)·n), one byte each. */
  counts: Uint8Array;
  ownGroups: Int32Array;
  kept: number;
  /** The row stream after the last kept draw, so that more resamples continue it exactly. */
  next: AleaState;
}

/**
 * Bytes of row draws kept per held-out set: a run's summaries (the frame's constant rate and truth, then
 * each strategy) all draw the same rows from the paired bootstrap seed, and drawing them is about half of
 * a summary's time on a big file. 342 resamples of EdNet's 34,644 held-out rows are 12 MB; 200 of the
 * 1M-row file's 202k, 40 MB.
 */
const MAX_KEPT_DRAW_BYTES = 64 * 2 ** 20;
const keptDraws = new WeakMap<ScoredRows, KeptDraws>();

/**
 * `draw(b, into)` fills `into` with resample b's row draw of `bootstrapSeed`, b = 0, 1, … in order: from the
 * draws kept for these rows when it has them, else drawn (and kept, within MAX_KEPT_DRAW_BYTES). Either way
 * exactly the draws of one stream `${bootstrapSeed}:repeats`.
 */
export function rowDraws(
  rows: ScoredRows,
  bootstrapSeed: string,
  resamples: number,
): (b: number, into: RowDraw) => void {
  const n = rows.labels.length;
  let kept = keptDraws.get(rows);
  if (kept?.bootstrapSeed !== bootstrapSeed) kept = undefined;
  const keepable = resamples * n <= MAX_KEPT_DRAW_BYTES;
  if (!kept && keepable) {
    kept = {
      bootstrapSeed,
      counts: new Uint8Array(resamples * n),
      ownGroups: new Int32Array(resamples),
      kept: 0,
      next: new AleaStream(`${bootstrapSeed}:repeats`),
    };
    keptDraws.set(rows, kept);
  }
  let stream: AleaStream | undefined;
  let source: Pools | undefined;
  return (b, into) => {
    if (kept && b < kept.kept) {
      const counts = kept.counts;
      for (let r = 0, at = b * n; r < n; r++, at++) into.counts[r] = counts[at] as number;
      into.ownGroups = kept.ownGroups[b] as number;
      return;
    }
    source ??= poolsOf(rows);
    stream ??= Object.assign(new AleaStream(''), kept ? kept.next : aleaState(`${bootstrapSeed}:repeats`));
    drawRows(source, stream, into);
    if (!kept || b !== kept.kept || b >= kept.ownGroups.length) return;
    let fits = true;
    for (let r = 0; r < n && fits; r++) fits = (into.counts[r] as number) <= 255;
    // A count past a byte (a small user drawn very often): these rows' draws are not kept at all.
    if (!fits) return void keptDraws.delete(rows);
    kept.counts.set(into.counts, b * n);
    kept.ownGroups[b] = into.ownGroups;
    kept.kept = b + 1;
    kept.next = { c: stream.c, s0: stream.s0, s1: stream.s1, s2: stream.s2 };
  };
}
