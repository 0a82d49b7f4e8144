import { describe, expect, it } from 'vitest';
import { AleaStream, aleaState, countDraws, createRng } from './rng';

describe('createRng', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
  });

  it('shuffles to a permutation, deterministically', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const s1 = createRng(7).shuffle([...items]);
    const s2 = createRng(7).shuffle([...items]);
    expect(s1).toEqual(s2);
    expect(s1).not.toEqual(items);
    expect([...s1].sort((x, y) => x - y)).toEqual(items);
  });

  it('draws normals with mean ≈ 0 and sd ≈ 1', () => {
    const rng = createRng(1);
    const xs = Array.from({ length: 20000 }, () => rng.normal());
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
  });

  it('countDraws makes exactly the draws pool[rng.int(pool.length)] would, and carries the state on', () => {
    const pools = [Int32Array.from([4, 0, 7]), Int32Array.from([1]), Int32Array.from([2, 3, 5, 6, 8])];
    const rng = createRng('draws');
    const state = aleaState('draws');
    for (let round = 0; round < 3; round++) {
      const expected = new Uint32Array(9);
      for (const pool of pools)
        for (let i = 0; i < pool.length; i++) expected[pool[rng.int(pool.length)] as number]! += 1;
      const counts = new Uint32Array(9);
      countDraws(state, pools, counts);
      expect(Array.from(counts)).toEqual(Array.from(expected));
    }
    // The state moved as far as the Rng did: the next number is the same.
    const next = aleaState('x');
    Object.assign(next, state);
    const one = new Uint32Array(1000);
    countDraws(next, [Int32Array.from({ length: 1000 }, (_, i) => i)], one);
    const again = new Uint32Array(1000);
    for (let i = 0; i < 1000; i++) again[rng.int(1000)]! += 1;
    expect(Array.from(one)).toEqual(Array.from(again));
  });

  it("AleaStream gives createRng's numbers, and countDraws steps it in place between its own draws", () => {
    const rng = createRng(42);
    const stream = new AleaStream(42);
    const pool = [Int32Array.from([3, 1, 4, 1, 5])];
    for (let round = 0; round < 50; round++) {
      expect(stream.next()).toBe(rng.next());
      expect(stream.int(7)).toBe(rng.int(7));
      const expected = new Uint32Array(6);
      for (let i = 0; i < 5; i++) expected[pool[0]![rng.int(5)] as number]! += 1;
      const counts = new Uint32Array(6);
      countDraws(stream, pool, counts);
      expect(Array.from(counts)).toEqual(Array.from(expected));
    }
  });

  it('counts in bytes are the same draws as in 32 bits, and a count past 255 is reported', () => {
    const pools = [Int32Array.from({ length: 500 }, (_, i) => i % 37), Int32Array.from([37, 38])];
    const wide = new Uint32Array(39);
    const bytes = new Uint8Array(39);
    const a = aleaState('bytes');
    const b = aleaState('bytes');
    countDraws(a, pools, wide);
    expect(countDraws(b, pools, bytes)).toBe(false);
    expect(Array.from(bytes)).toEqual(Array.from(wide));
    expect(b).toEqual(a);
    // 300 draws from a pool that is one member 300 times: its byte wraps, and the call says so.
    const one = new Uint8Array(1);
    expect(countDraws(aleaState('wrap'), [new Int32Array(300)], one)).toBe(true);
    expect(one[0]).toBe(300 - 256);
  });
});
