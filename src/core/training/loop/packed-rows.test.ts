import { describe, expect, it } from 'vitest';
import { encodeRows, fitTimeScale, headTarget } from '../../features/encoded-rows';
import { FEATURE_COUNT } from '../../features/history-features';
import { packRows, PACKED_STRIDE, touchedSum, touchRows } from './packed-rows';
import { hostBatch } from './stacked-batch';
import { trainingFixture } from './training-fixture.test-helper';

const { tasks, features, encoders } = trainingFixture(60, 4);
const idx = Array.from({ length: 30 }, (_, i) => 2 * i);
const rows = encodeRows(
  tasks,
  idx,
  features,
  'v2',
  encoders,
  idx.map((i) => 0.5 + (i % 3)),
);
const target = headTarget(rows, 'time', fitTimeScale(rows));

describe('packed rows', () => {
  it('hold each row whole: hostBatch gathers from them what it gathered from the encoded rows', () => {
    const packed = packRows({ rows, target });
    expect(packed.floats).toHaveLength(rows.n * PACKED_STRIDE);
    const pick = [7, 0, 29, 7, 12];
    const sizes = { user: 10, topic: 20, difficulty: 30 };
    const hb = hostBatch([null, packed], [null, pick], 6, sizes, () => 4);
    const at = (j: number) => 6 + j; // model 1's rows follow model 0's 6 padding rows
    pick.forEach((r, j) => {
      expect(hb.user[at(j)]).toBe(10 + (rows.user[r] as number));
      expect(hb.topic[at(j)]).toBe(20 + (rows.topic[r] as number));
      expect(hb.difficulty[at(j)]).toBe(30 + (rows.difficulty[r] as number));
      expect(Array.from(hb.history.subarray(at(j) * FEATURE_COUNT, (at(j) + 1) * FEATURE_COUNT))).toEqual(
        Array.from(rows.history.subarray(r * FEATURE_COUNT, (r + 1) * FEATURE_COUNT)),
      );
      expect(hb.target[at(j)]).toBe(target[r]);
      expect(hb.coef[at(j)]).toBe(Math.fround((rows.weight[r] as number) / 4));
      expect(hb.real[at(j)]).toBe(1);
    });
    // The sixth row of model 1 and all of model 0 are padding: no weight, each model's unknown entry.
    expect([hb.coef[at(5)], hb.real[at(5)], hb.user[at(5)], hb.count[1]]).toEqual([0, 0, 10, 5]);
    expect(Array.from(hb.real.subarray(0, 6))).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('are touched at the first and last float of each picked row', () => {
    const packed = packRows({ rows, target });
    const pick = [3, 11, 3];
    touchRows(packed, pick, 2); // the first two picks only
    const ends = (r: number) =>
      (packed.floats[r * PACKED_STRIDE] as number) + (packed.floats[(r + 1) * PACKED_STRIDE - 1] as number);
    expect(touchedSum()).toBe(ends(3) + ends(11));
  });
});
