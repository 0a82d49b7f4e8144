// The span memo stands in for a Map keyed by `text.slice(from, to)`: it may decline to hold a key (too
// long, or beyond U+00FF), but must never answer for a key with another key's value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzParameters } from './import-fuzz.test-helper';
import { SpanMemo } from './span-memo';

const keyArb = fc.oneof(
  // Short keys over code units whose 8-bit packing would collide if U+0100 were let in ("a\u0101", "b\u0001").
  fc.array(fc.constantFrom('a', 'b', '\u0001', '\u0101'), { minLength: 1, maxLength: 3 }),
  fc.array(fc.constantFrom('a', 'b', '\u0000', '\u0001', 'é', 'ÿ', '\u0100', '\u0101', '😀'), {
    maxLength: 14,
  }),
  fc.array(fc.constantFrom('a', 'b'), { minLength: 40, maxLength: 56 }),
);
const holdable = (key: string) => key.length <= 48 && [...key].every((c) => c.charCodeAt(0) <= 0xff);

describe('SpanMemo', () => {
  it('answers exactly as a Map of the cut-out strings would, or not at all', () => {
    fc.assert(
      fc.property(
        fc.array(
          keyArb.map((cs) => cs.join('')),
          { maxLength: 300 },
        ),
        fc.oneof(fc.constant(20_000), fc.nat(20)),
        (keys, limit) => {
          const memo = new SpanMemo<number>(limit);
          const model = new Map<string, number>();
          keys.forEach((key, i) => {
            const text = `x,${key},y`;
            const found = memo.find(text, 2, 2 + key.length);
            if (found !== undefined) {
              expect(found).toBe(model.get(key));
              return;
            }
            // Declined only where it must: never held, full, or a key it cannot hold.
            if (model.has(key)) expect(holdable(key)).toBe(false);
            if (model.size < limit && holdable(key)) {
              memo.remember(text, 2, 2 + key.length, i);
              model.set(key, i);
            }
          });
        },
      ),
      fuzzParameters(20261203, 500),
    );
  });

  it('keeps apart keys whose 8-bit packing would collide if wider code units were let in', () => {
    const memo = new SpanMemo<string>(10);
    memo.remember('b\u0001', 0, 2, 'b');
    expect(memo.find('a\u0101', 0, 2)).toBeUndefined();
    expect(memo.find('b\u0001', 0, 2)).toBe('b');
  });
});
