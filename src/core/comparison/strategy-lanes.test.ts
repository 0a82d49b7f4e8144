// The lane scheduler alone (no tfjs): every job once, a free lane takes the next, a lost lane hands its job back.
import { CATALOGUE, presetOf } from '../strategies/catalogue';
import { describe, expect, it } from 'vitest';
import { drainInLanes, LaneLostError, longestFirst } from './strategy-lanes';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('drainInLanes', () => {
  it('runs every job once, a free lane taking the next job', async () => {
    const ran: string[] = [];
    // Lane b holds its first job until lane a has run every other one: no clock involved.
    let releaseB = () => {};
    const bHolds = new Promise<void>((resolve) => (releaseB = resolve));
    const laneA = async (job: number) => {
      await Promise.resolve();
      ran.push(`a:${job}`);
      if (ran.length === 4) releaseB();
    };
    const laneB = async (job: number) => {
      await bHolds;
      ran.push(`b:${job}`);
    };
    await drainInLanes([1, 2, 3, 4, 5], [laneA, laneB]);
    expect(ran.map((r) => Number(r.split(':')[1])).sort()).toEqual([1, 2, 3, 4, 5]);
    // the busy lane took one job while the free one took the rest
    expect(ran).toEqual(['a:1', 'a:3', 'a:4', 'a:5', 'b:2']);
  });

  it('a lost lane hands its job back, even after the queue is empty, and takes no more', async () => {
    const ran: number[] = [];
    let lostCalls = 0;
    const local = async (job: number) => {
      await tick(1);
      ran.push(job);
    };
    const breaking = async () => {
      lostCalls++;
      await tick(20); // outlives the queue: the job comes back when nobody is taking any
      throw new LaneLostError('helper crashed');
    };
    await drainInLanes([1, 2, 3], [local, breaking]);
    expect(ran.sort()).toEqual([1, 2, 3]);
    expect(lostCalls).toBe(1);
  });

  it('another error stops new jobs, lets running ones finish, and is rethrown', async () => {
    const finished: number[] = [];
    // The slow lane's job ends only after the failure: no clock involved.
    let failed = () => {};
    const afterFailure = new Promise<void>((resolve) => (failed = resolve));
    const failing = async (job: number) => {
      await Promise.resolve();
      if (job === 1) {
        failed();
        throw new Error('boom');
      }
      finished.push(job);
    };
    const slow = async (job: number) => {
      await afterFailure;
      finished.push(job);
    };
    await expect(drainInLanes([1, 2, 3, 4], [failing, slow])).rejects.toThrow('boom');
    expect(finished).toEqual([2]); // the slow lane's job ran to its end; 3 and 4 never started
  });

  it('fails when every lane is lost', async () => {
    const lost = async () => {
      throw new LaneLostError('gone');
    };
    await expect(drainInLanes([1], [lost])).rejects.toThrow('every lane was lost');
  });
});

describe('longestFirst', () => {
  it('orders by the catalogue’s cost rank: progressive first, balanced sampling last, ties as given', () => {
    const ordered = longestFirst(CATALOGUE).map((s) => s.id);
    expect(ordered[0]).toBe('progressive');
    expect(ordered.at(-1)).toBe('balanced-sampling');
    expect(ordered.map((id) => presetOf(id)?.costRank)).toEqual(CATALOGUE.map((_, i) => i + 1));
    const own = [
      { id: 'a', costRank: 3 },
      { id: 'b', costRank: 1 },
      { id: 'c', costRank: 3 },
    ];
    expect(longestFirst(own).map((s) => s.id)).toEqual(['b', 'a', 'c']);
  });
});
