// The lab worker's pool of training helpers: how many a machine gets, started ahead of the first dataset,
// kept between runs, a dead one replaced, and all closed when another dataset comes (wrong rows).
import { describe, expect, it } from 'vitest';
import type { DatasetSummary } from '../core/data/summarize-dataset';
import type { DatasetSource, HelperLane } from './helper-lane';
import { createHelperPool, helperBudget } from './helper-pool';

interface FakeLane extends HelperLane {
  source: DatasetSource | undefined;
  disposed: boolean;
  kill(): void;
}

/** A lane that only records its life; what a lane does is helper-lane.test.ts's. */
function fakeSpawn() {
  const spawned: FakeLane[] = [];
  const spawn = (name: string, source: DatasetSource | undefined): HelperLane => {
    let alive = true;
    const lane: FakeLane = {
      name,
      source,
      disposed: false,
      alive: () => alive,
      holds: () => lane.source?.summary.fingerprint,
      load: (given) => void (lane.source = given),
      kill: () => (alive = false),
      run: () => Promise.reject(new Error('not used')),
      exportModel: () => Promise.reject(new Error('not used')),
      predict: () => Promise.reject(new Error('not used')),
      drop: () => undefined,
      dispose: () => {
        alive = false;
        lane.disposed = true;
      },
    };
    spawned.push(lane);
    return lane;
  };
  return { spawned, spawn };
}

const source = (fingerprint: string): DatasetSource => ({
  fileName: `${fingerprint}.csv`,
  file: new Blob([fingerprint]),
  summary: { fingerprint } as DatasetSummary,
});

describe('helperBudget', () => {
  it('is one helper per core beyond the lab worker’s, at most three', () => {
    expect([0, 1, 2, 3, 4, 16].map((cores) => helperBudget(cores))).toEqual([0, 0, 1, 2, 3, 3]);
  });
});

describe('the helper pool', () => {
  it('keeps its helpers between runs and gives at most as many as asked', () => {
    const { spawned, spawn } = fakeSpawn();
    const pool = createHelperPool(spawn);
    const a = pool.lanes(source('f1'), 2);
    expect(a.map((l) => l.name)).toEqual(['Training helper 1', 'Training helper 2']);
    expect(pool.lanes(source('f1'), 1)).toEqual([a[0]]);
    expect(pool.lanes(source('f1'), 2)).toEqual(a);
    expect(spawned).toHaveLength(2);
  });

  it('replaces a helper that died, under a new name', () => {
    const { spawned, spawn } = fakeSpawn();
    const pool = createHelperPool(spawn);
    pool.lanes(source('f1'), 2);
    spawned[0]?.kill();
    const lanes = pool.lanes(source('f1'), 2);
    expect(lanes.map((l) => l.name)).toEqual(['Training helper 2', 'Training helper 3']);
    expect(spawned).toHaveLength(3);
  });

  it('closes every helper when another dataset comes, and starts new ones on it', () => {
    const { spawned, spawn } = fakeSpawn();
    const pool = createHelperPool(spawn);
    const old = pool.lanes(source('f1'), 2);
    const fresh = pool.lanes(source('f2'), 1);
    expect(old.map((l) => (l as FakeLane).disposed)).toEqual([true, true]);
    expect(fresh).toHaveLength(1);
    expect((fresh[0] as FakeLane).source?.summary.fingerprint).toBe('f2');
    pool.closeAll();
    expect(spawned.every((l) => l.disposed)).toBe(true);
  });

  it('starts helpers before any dataset and hands them the first one, instead of starting others', () => {
    const { spawned, spawn } = fakeSpawn();
    const pool = createHelperPool(spawn);
    pool.prestart(2);
    expect(spawned.map((l) => l.source)).toEqual([undefined, undefined]);
    const lanes = pool.lanes(source('f1'), 2);
    expect(lanes).toEqual(spawned);
    expect(spawned.map((l) => l.holds())).toEqual(['f1', 'f1']);
    pool.prestart(2); // already there: nothing new
    expect(spawned).toHaveLength(2);
  });
});
