import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, toCsv, type CsvCell } from './csv';

describe('toCsv — RFC 4180', () => {
  it('writes a header and rows with CRLF line ends and a final line end', () => {
    expect(
      toCsv(
        ['user', 'tasks'],
        [
          ['a', 1],
          ['b', 2],
        ],
      ),
    ).toBe('user,tasks\r\na,1\r\nb,2\r\n');
    expect(toCsv(['only'], [])).toBe('only\r\n');
  });

  it('quotes fields holding commas, quotes, CR or LF, doubling quotes', () => {
    expect(toCsv(['v'], [['Smith, J'], ['say "hi"'], ['two\nlines'], ['a\rb']])).toBe(
      'v\r\n"Smith, J"\r\n"say ""hi"""\r\n"two\nlines"\r\n"a\rb"\r\n',
    );
  });

  it('writes empty cells for null and undefined, and booleans as words', () => {
    expect(toCsv(['a', 'b', 'c', 'd'], [[null, undefined, true, false]])).toBe('a,b,c,d\r\n,,true,false\r\n');
  });

  it('refuses a row whose cell count differs from the header', () => {
    expect(() => toCsv(['a', 'b'], [['x']])).toThrow(RangeError);
    expect(() => toCsv(['a'], [['x', 'y']])).toThrow('CSV row 1 has 2 cells, the header has 1');
  });
});

describe('toCsv — formula neutralisation', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x","y")', '-0.5'])(
    'prefixes the text cell %j with a single quote',
    (text) => {
      const [, line] = Papa.parse<string[]>(toCsv(['v'], [[text]]), { newline: '\r\n' }).data;
      expect(line).toEqual([`'${text}`]);
    },
  );

  it('keeps numbers numbers, negative ones included, decided by type not text', () => {
    expect(toCsv(['p', 'q', 'r'], [[-0.5, -12, 3e-7]])).toBe('p,q,r\r\n-0.5,-12,3e-7\r\n');
    // The same characters as text are neutralised: a text "-0.5" may be a crafted "-0.5+cmd|…".
    expect(toCsv(['p'], [['-0.5']])).toBe("p\r\n'-0.5\r\n");
  });

  it('treats NaN and infinities as text, so -Infinity cannot start a formula', () => {
    expect(toCsv(['a', 'b', 'c'], [[NaN, Infinity, -Infinity]])).toBe("a,b,c\r\nNaN,Infinity,'-Infinity\r\n");
  });

  it('neutralises header cells too and leaves harmless text alone', () => {
    expect(toCsv(['=cmd', 'user'], [['a=b', ' =x']])).toBe("'=cmd,user\r\na=b, =x\r\n");
    expect(neutraliseFormula('bulk@example.com')).toBe('bulk@example.com');
    expect(neutraliseFormula('')).toBe('');
  });

  it('quotes a neutralised cell that holds a line break', () => {
    expect(toCsv(['v'], [['\r=1']])).toBe('v\r\n"\'\r=1"\r\n');
  });
});

describe('toCsv — any cells read back', () => {
  const cell: fc.Arbitrary<CsvCell> = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', 'a', ' ') }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
  );

  it('a CSV parser gets every row back, text cells verbatim or with one leading quote, numbers exact', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.array(cell, { minLength: 5, maxLength: 5 })),
        (width, wide) => {
          const header = Array.from({ length: width }, (_, i) => `c${i}`);
          const rows = wide.map((r) => r.slice(0, width));
          const parsed = Papa.parse<string[]>(toCsv(header, rows), { newline: '\r\n', delimiter: ',' });
          expect(parsed.errors).toEqual([]);
          // The final CRLF leaves one empty trailing line.
          expect(parsed.data.slice(1, -1)).toHaveLength(rows.length);
          rows.forEach((row, r) =>
            row.forEach((value, c) => {
              const back = parsed.data[r + 1]?.[c];
              if (typeof value === 'number') expect(Number(back)).toBe(value === 0 ? 0 : value);
              else if (value === null) expect(back).toBe('');
              else
                expect(back).toBe(/^[=+\-@\t\r]/.test(String(value)) ? `'${String(value)}` : String(value));
              if (typeof value === 'string' && back !== undefined) expect(back).not.toMatch(/^[=+\-@\t\r]/);
            }),
          );
        },
      ),
      { seed: 4180, numRuns: 300 },
    );
  });
});
