// The span readers may decline anything, but whatever they answer must be the schemas' own answer for
// the same characters (parseTimestampMs, parseNumber, FAST_PATHS) — and they must answer for the forms
// exports use, or the import is correct but slow again.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FAST_PATHS, parseNumber, parseTimestampMs } from './field-schemas';
import { fuzzParameters } from './import-fuzz.test-helper';
import { decimalAt, isoMsAt, unitDecimalAt } from './span-fields';

const FIRST_MS = Date.UTC(1970, 0, 1);
const END_MS = Date.UTC(2100, 0, 1);

/** Reads `value` from the middle of a longer text, as the CSV reader hands it over. */
const atSpan = <T>(read: (text: string, from: number, to: number) => T, value: string): T =>
  read(`x,${value},y`, 2, 2 + value.length);

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const near = (values: number[], max: number) =>
  fc.oneof(fc.constantFrom(...values), fc.integer({ min: 0, max }));

/** Timestamps shaped like the canonical form, with every part sometimes out of range or misspelt. */
const isoLikeArb = fc
  .record({
    year: near([1969, 1970, 2000, 2024, 2025, 2099, 2100, 0, 25], 9999),
    month: near([0, 1, 2, 4, 12, 13], 99),
    day: near([0, 1, 28, 29, 30, 31, 32], 99),
    hour: near([0, 23, 24], 99),
    minute: near([0, 59, 60], 99),
    second: near([0, 59, 60], 99),
    fraction: fc.constantFrom('', '.', '.5', '.05', '.500', '.123', '.1234', '.x', '.99', '.999'),
    t: fc.constantFrom('T', 'T', 'T', ' ', 't'),
    zone: fc.constantFrom('Z', 'Z', 'Z', 'z', '', '+00:00', '+0200', 'Z '),
    lead: fc.constantFrom('', '', '', ' ', '+'),
  })
  .map(
    (p) =>
      `${p.lead}${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}${p.t}${pad(p.hour, 2)}:` +
      `${pad(p.minute, 2)}:${pad(p.second, 2)}${p.fraction}${p.zone}`,
  );

const numberLikeArb = fc.oneof(
  fc
    .array(fc.constantFrom('0', '1', '5', '9', '.', '-', '+', 'e', ' ', 'x'), { maxLength: 20 })
    .map((cs) => cs.join('')),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc
    .tuple(fc.double({ min: 0, max: 1e7, noNaN: true }), fc.integer({ min: 0, max: 17 }))
    .map(([x, digits]) => x.toFixed(digits)),
  fc.stringMatching(/^\d{1,18}(\.\d{1,18})?$/),
);

describe('isoMsAt', () => {
  it("answers only with parseTimestampMs's answer", () => {
    fc.assert(
      fc.property(isoLikeArb, (s) => {
        const ms = atSpan(isoMsAt, s);
        if (ms !== undefined) expect(ms).toBe(parseTimestampMs(s));
      }),
      fuzzParameters(20261130, 20_000),
    );
  });

  it('answers for every canonical UTC timestamp of 1970–2099, with or without milliseconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST_MS, max: END_MS - 1 }), fc.boolean(), (ms, whole) => {
        const at = whole ? ms - (ms % 1000) : ms;
        const iso = new Date(at).toISOString();
        const s = whole ? iso.replace('.000Z', 'Z') : iso;
        expect(atSpan(isoMsAt, s)).toBe(at);
        expect(parseTimestampMs(s)).toBe(at);
      }),
      fuzzParameters(20261131, 5_000),
    );
    expect(atSpan(isoMsAt, '2025-09-01T08:09:20.5Z')).toBe(Date.parse('2025-09-01T08:09:20.500Z'));
    expect(atSpan(isoMsAt, '2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29));
    for (const declined of [
      '2025-02-29T00:00:00Z',
      '2025-09-01T24:00:00Z',
      '2100-01-01T00:00:00Z',
      '1756714160',
    ])
      expect(atSpan(isoMsAt, declined)).toBeUndefined();
  });
});

describe('decimalAt and unitDecimalAt', () => {
  it('answer only with the schema fast paths’ answers', () => {
    fc.assert(
      fc.property(numberLikeArb, (s) => {
        const n = atSpan(decimalAt, s);
        if (n !== undefined) {
          expect(n).toBe(parseNumber(s));
          expect(n).toBe(FAST_PATHS.actual_time_seconds?.(s));
        }
        const p = atSpan(unitDecimalAt, s);
        if (p !== undefined) {
          expect(p).toBe(FAST_PATHS.true_p?.(s));
          expect(p).toBe(FAST_PATHS.predicted_correct?.(s));
        }
      }),
      fuzzParameters(20261201, 20_000),
    );
  });

  it('answer for the plain decimals exports write', () => {
    for (const [s, n] of [
      ['0', 0],
      ['28.2', 28.2],
      ['280.5', 280.5],
      ['0.8633', 0.8633],
      ['1', 1],
      ['007', 7],
      ['123456789012.345', 123456789012.345],
    ] as const) {
      expect(atSpan(decimalAt, s)).toBe(n);
      expect(atSpan(unitDecimalAt, s)).toBe(n <= 1 ? n : undefined);
    }
    for (const declined of ['', '.5', '5.', '-1', '1e3', ' 1', '1 ', '1.2.3', '1234567890123456'])
      expect(atSpan(decimalAt, declined)).toBeUndefined();
  });
});
