// The quote-free CSV reader must be papaparse by other means: on any text without a quote it yields the
// very records, row numbers and problems papaparse's reader yields (across its chunk boundaries too), and
// sniffing the header from the head of a big file guesses what sniffing the whole file guesses.
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { fuzzParameters } from './import-fuzz.test-helper';
import { forEachPapaRecord, forEachSplitRecord, readCsv, readHeader, sniffHead } from './read-csv';
import type { RowProblem } from './task';

type Event = [number, unknown[]] | RowProblem;

function recorder() {
  const events: Event[] = [];
  return {
    events,
    visit: (record: unknown[], row: number) => events.push([row, [...record]]),
    onProblem: (problem: RowProblem) => events.push(problem),
    visitSpans: (text: string, starts: Int32Array, ends: Int32Array, row: number) =>
      events.push([row, Array.from(starts, (from, i) => text.slice(from, ends[i]))]),
  };
}

const pieceArb = fc.constantFrom(
  'a',
  'b',
  'x y',
  ' ',
  '',
  ',',
  ';',
  '\t',
  '\r',
  '\n',
  '\r\n',
  '\uFEFF',
  'é',
  '😀',
);
const quoteFreeArb = fc.array(pieceArb, { maxLength: 80 }).map((pieces) => pieces.join(''));
const DELIMITERS = [',', ';', '\t'];

describe('forEachSplitRecord', () => {
  it('yields what papaparse yields for any quote-free text, delimiter, line break and chunking', () => {
    fc.assert(
      fc.property(
        quoteFreeArb,
        fc.constantFrom(...DELIMITERS),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 40 }),
        (text, delimiter, newline, width, chunkSize) => {
          const header = Array.from({ length: width }, (_, i) => `c${i}`);
          const papa = recorder();
          const papaRows = forEachPapaRecord(
            text,
            { delimiter, newline, chunkSize },
            header,
            papa.visit,
            papa.onProblem,
          );
          const spans = recorder();
          const spanRows = forEachSplitRecord(
            text,
            { delimiter, newline },
            header,
            spans.visit,
            spans.onProblem,
            spans.visitSpans,
          );
          const plain = recorder();
          const plainRows = forEachSplitRecord(
            text,
            { delimiter, newline },
            header,
            plain.visit,
            plain.onProblem,
          );
          expect(spans.events).toEqual(papa.events);
          expect(plain.events).toEqual(papa.events);
          expect([spanRows, plainRows]).toEqual([papaRows, papaRows]);
        },
      ),
      fuzzParameters(20261128, 3000),
    );
  });

  it("reads a whole file as papaparse's own sniffing and chunking would", () => {
    const headerArb = fc.constantFrom(
      'user_id,topic,difficulty',
      'user_id;topic;difficulty',
      'user_id\ttopic\tdifficulty',
      'a,b;c',
      'x',
    );
    fc.assert(
      fc.property(headerArb, quoteFreeArb, fc.constantFrom('\n', '\r\n', '\r'), (head, body, newline) => {
        const text = `${head}${newline}${body}`;
        const read = readCsv(text);
        if (read.kind !== 'ok') return;
        const { delimiter } = readHeader(text);
        const mine = recorder();
        const papa = recorder();
        const rows = read.table.forEachRecord(mine.visit, mine.onProblem, mine.visitSpans);
        const papaRows = forEachPapaRecord(
          text,
          { delimiter },
          read.table.header,
          papa.visit,
          papa.onProblem,
        );
        expect(mine.events).toEqual(papa.events);
        expect(rows).toBe(papaRows);
      }),
      fuzzParameters(20261129, 2000),
    );
  });
});

describe('sniffHead', () => {
  const MIB = 1024 * 1024;
  const repeatTo = (head: string, line: string, chars: number) =>
    head + line.repeat(Math.ceil((chars - head.length) / line.length));
  const big: [string, string][] = [
    ['LF', repeatTo('user_id,topic,x\n', 'a@b.c,Algebra,1\n', MIB * 1.5)],
    ['CRLF', repeatTo('user_id,topic,x\r\n', 'a@b.c,Algebra,1\r\n', MIB * 1.5)],
    ['CR', repeatTo('user_id,topic,x\r', 'a@b.c,Algebra,1\r', MIB * 1.5)],
    ['BOM', `\uFEFF${repeatTo('user_id,topic,x\n', 'a@b.c,Algebra,1\n', MIB * 1.5)}`],
    ['semicolon with commas', repeatTo('user_id;topic;x\n', 'a,b;c,d;1\n', MIB * 1.5)],
    ['CRLF then LF', repeatTo('user_id,topic\r\n', 'a,b\r\n', MIB) + 'a,b\n'.repeat(1000)],
    ['LF just past a MiB', `${'a,b,c\r\n'.repeat(MIB / 7)}${'a,b,c\n'.repeat(30)}`],
    ['long first rows', `${'a,'.repeat(MIB / 8)}\n`.repeat(6) + 'a,b\n'.repeat(100)],
    ['one huge line', `user_id,topic,${'x'.repeat(MIB * 1.2)}`],
    ['blank head rows', repeatTo('\n\n\nuser_id\ttopic\n', '\n1\t2\n', MIB * 1.2)],
    // The delimiter guess reads ten rows; were the head cut inside the second, it would guess `,` not `;`.
    ['rows that mislead', `${`a,b,${'c'.repeat(MIB * 0.6)}\n`.repeat(2)}${'p;q;r;s;t;u\n'.repeat(20)}`],
  ];

  it.each(big)('guesses from the head of a big file as from the whole (%s)', (name, text) => {
    expect(text.length).toBeGreaterThan(MIB);
    const head = sniffHead(text);
    expect(head.length < text.length).toBe(name !== 'one huge line');
    expect(readHeader(head)).toEqual(readHeader(text));
    expect(Papa.parse(head, { preview: 1 }).meta).toEqual(Papa.parse(text, { preview: 1 }).meta);
  });

  it('keeps a short text whole', () => {
    expect(sniffHead('a,b\n1,2\n')).toBe('a,b\n1,2\n');
  });
});
