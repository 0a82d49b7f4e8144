// Property tests of the importer on arbitrary bytes: random bytes, byte-order marks, UTF-16 text with
// surrogate pairs and lone halves, NULs, CSV and JSON that break off anywhere, and lines longer than the
// CSV reader's 1 MiB chunk. Whatever arrives, importTasksFromBytes answers (never throws): an import
// that accounts for every row, or a refusal naming the file. Seeded, so CI replays the same cases.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { REQUIRED_COLUMNS } from './column-aliases';
import { encodeText, fuzzParameters } from './import-fuzz.test-helper';
import { expectSoundResult } from './import-invariants.test-helper';
import { importTasksFromBytes } from './import-tasks';

const HEADER = 'user_id,topic,difficulty,completed_at,is_correct,actual_time_seconds';
const ROW = 'u1,Calculus,easy,2025-09-01T08:00:00Z,true,30';

const fileNameArb = fc.oneof(
  fc.constantFrom('export.csv', 'tasks.json', 'a b.tsv'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }),
);

const bom = fc.constantFrom<number[]>([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]);
const concat = (...parts: ArrayLike<number>[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** Any UTF-16 code unit, lone surrogates included, weighted towards the characters CSV and JSON care about. */
const codeUnit = fc.oneof(
  fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)),
  fc.constantFrom(
    ',',
    ';',
    '\t',
    '"',
    '\n',
    '\r',
    '{',
    '}',
    '[',
    ']',
    ':',
    '\u0000',
    '\uFEFF',
    '\uD83D',
    '\uDE00',
  ),
  fc.constantFrom('😀', '\uD83D\uDE00', 'é', 'true', 'easy', '2025-01-01'),
);
const textArb = fc.string({ unit: codeUnit, maxLength: 300 });
const encodingArb = fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be') as fc.Arbitrary<
  Parameters<typeof encodeText>[1]
>;

/** Valid-looking files of every format, cut off at a random point and spliced with junk. */
const brokenFileArb = fc
  .record({
    rows: fc.array(fc.dictionary(fc.constantFrom(...REQUIRED_COLUMNS, 'x'), fc.jsonValue({ maxDepth: 1 })), {
      maxLength: 6,
    }),
    form: fc.constantFrom('csv', 'json', 'wrapped', 'ndjson'),
    cut: fc.nat(),
    junk: textArb,
  })
  .map(({ rows, form, cut, junk }) => {
    const whole =
      form === 'csv'
        ? [HEADER, ...rows.map((r) => Object.values(r).map(String).join(','))].join('\n')
        : form === 'json'
          ? JSON.stringify(rows)
          : form === 'wrapped'
            ? JSON.stringify({ tasks: rows })
            : rows.map((r) => JSON.stringify(r)).join('\n');
    const at = whole.length === 0 ? 0 : cut % (whole.length + 1);
    return whole.slice(0, at) + junk + whole.slice(at);
  });

const PROPERTY = fuzzParameters(20260801, 300);

describe('importTasksFromBytes on arbitrary bytes never throws', () => {
  it('random bytes, with or without a byte-order mark', () => {
    fc.assert(
      fc.property(bom, fc.uint8Array({ maxLength: 600 }), fileNameArb, (mark, body, name) => {
        expectSoundResult(importTasksFromBytes(concat(mark, body), name), name);
      }),
      PROPERTY,
    );
  });

  it('text of any code units (lone surrogates, NULs, BOMs) in UTF-8 or UTF-16', () => {
    fc.assert(
      fc.property(textArb, encodingArb, fileNameArb, (text, encoding, name) => {
        expectSoundResult(importTasksFromBytes(encodeText(text, encoding), name), name);
        expectSoundResult(importTasksFromBytes(encodeText(`${HEADER}\n${text}`, encoding), name), name);
      }),
      PROPERTY,
    );
  });

  it('CSV, JSON and NDJSON broken off anywhere and spliced with junk', () => {
    fc.assert(
      fc.property(brokenFileArb, encodingArb, (text, encoding) => {
        expectSoundResult(importTasksFromBytes(encodeText(text, encoding), 'broken.csv'), 'broken.csv');
      }),
      PROPERTY,
    );
  });

  // Few runs per shape: each builds a file of megabytes.
  it.each(['long-value', 'long-header', 'wide-header', 'unclosed-quote'] as const)(
    'lines longer than the CSV reader chunk: %s',
    (shape) => {
      fc.assert(
        fc.property(
          fc.constantFrom('x', '"', ',', ';', 'é😀', '\u0000'),
          fc.integer({ min: 1 << 19, max: 3 << 19 }),
          (piece, length) => {
            const long = piece.repeat(Math.ceil(length / piece.length));
            const text =
              shape === 'long-value'
                ? `${HEADER}\n${ROW}\n${long},Calculus,easy,2025-09-01T08:00:00Z,true,30\n${ROW}\n`
                : shape === 'long-header'
                  ? `${long},${HEADER}\n${ROW}\n`
                  : shape === 'wide-header'
                    ? `${long}a,b\n${ROW}\n`
                    : `${HEADER}\n"${long}\n${ROW}\n`;
            expectSoundResult(importTasksFromBytes(new TextEncoder().encode(text), 'huge.csv'), 'huge.csv');
          },
        ),
        fuzzParameters(20260801, 6),
      );
    },
  );
});
