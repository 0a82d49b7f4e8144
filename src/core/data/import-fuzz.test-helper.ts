/**
 * fast-check arbitraries for the importer's property tests: valid tasks, the many ways docs/contract.md §1
 * lets a file spell them (aliases, cases, value forms, delimiters, containers, encodings), and junk.
 * Test-only: the writers here are deliberately independent of the importer's reader (no papaparse).
 */
import fc from 'fast-check';
import { REQUIRED_COLUMNS, type CanonicalColumn } from './column-aliases';
import { DIFFICULTIES, type Task } from './task';

const FIRST_MS = Date.UTC(1970, 0, 1);
const END_MS = Date.UTC(2100, 0, 1);

/** Names as exports hold them: any code point but NUL (a binary marker), already trimmed, plus nasty classics. */
export const nameArb: fc.Arbitrary<string> = fc.oneof(
  fc
    .string({ unit: 'binary', minLength: 1, maxLength: 10 })
    .filter((s) => s === s.trim() && s !== '' && !s.includes('\u0000')),
  fc.constantFrom('<img src=x onerror=alert(1)>', '=1+1', 'Smith, "J"', 'a\nb', 'a;b\tc', 'bulk@example.com'),
);

const zeroSafe = (x: number): number => (Object.is(x, -0) ? 0 : x);
const unitArb = fc.double({ min: 0, max: 1, noNaN: true }).map(zeroSafe);

/** Valid tasks over a small pool of users and topics (so users repeat, as in real exports). */
export const validTasksArb = (maxLength: number): fc.Arbitrary<Task[]> =>
  fc
    .record({
      users: fc.uniqueArray(nameArb, { minLength: 1, maxLength: 4 }),
      topics: fc.uniqueArray(nameArb, { minLength: 1, maxLength: 3 }),
      rows: fc.array(
        fc.record({
          user: fc.nat(),
          topic: fc.nat(),
          difficulty: fc.constantFrom(...DIFFICULTIES),
          completedAtMs: fc.oneof(
            fc.integer({ min: FIRST_MS, max: END_MS - 1 }),
            fc.integer({ min: FIRST_MS, max: END_MS - 1 }).map((ms) => ms - (ms % 1000)),
          ),
          isCorrect: fc.boolean(),
          actualTimeSeconds: fc
            .oneof(fc.integer({ min: 0, max: 3600 }), fc.double({ min: 0, max: 1e7, noNaN: true }))
            .map(zeroSafe),
          predictedCorrect: fc.option(unitArb, { nil: undefined }),
          trueP: fc.option(unitArb, { nil: undefined }),
        }),
        { minLength: 1, maxLength },
      ),
    })
    .map(({ users, topics, rows }) =>
      rows.map((r) => {
        const task: Task = {
          userId: users[r.user % users.length] as string,
          topic: topics[r.topic % topics.length] as string,
          difficulty: r.difficulty,
          completedAtMs: r.completedAtMs,
          isCorrect: r.isCorrect,
          actualTimeSeconds: r.actualTimeSeconds,
        };
        if (r.predictedCorrect !== undefined) task.predictedCorrect = r.predictedCorrect;
        if (r.trueP !== undefined) task.trueP = r.trueP;
        return task;
      }),
    );

const ALIASES: Record<CanonicalColumn, string[]> = {
  user_id: ['user_id', 'user', 'user_email', 'email', 'student_id', 'learner_id'],
  topic: ['topic', 'skill', 'skill_name', 'kc', 'concept'],
  difficulty: ['difficulty', 'level'],
  completed_at: ['completed_at', 'timestamp', 'submitted_at', 'created_at'],
  is_correct: ['is_correct', 'correct', 'outcome'],
  actual_time_seconds: ['actual_time_seconds', 'actual_time', 'time_seconds', 'duration_seconds'],
  completed: ['completed'],
  predicted_correct: ['predicted_correct'],
  true_p: ['true_p'],
};

/** How one file spells its columns and values; value forms vary cell by cell through `pick`. */
export interface FileStyle {
  header: Record<CanonicalColumn, string>;
  /** Column order of the file (required ones plus any optional ones present). */
  columns: CanonicalColumn[];
  difficultyScheme: 'named' | 'zero-based' | 'one-based';
  delimiter: ',' | ';' | '\t';
  newline: '\n' | '\r\n';
  container: 'array' | 'tasks' | 'data' | 'rows' | 'ndjson';
  pretty: boolean;
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';
  /** Random choices, consumed cyclically, for every per-cell form. */
  choices: number[];
}

const headerName = (options: string[]): fc.Arbitrary<string> =>
  fc
    .record({ name: fc.constantFrom(...options), casing: fc.nat(2), pad: fc.boolean() })
    .map(({ name, casing, pad }) => {
      const cased =
        casing === 0 ? name : casing === 1 ? name.toUpperCase() : name[0]?.toUpperCase() + name.slice(1);
      return pad ? ` ${cased} ` : cased;
    });

export const fileStyleArb: fc.Arbitrary<FileStyle> = fc.record({
  header: fc.record(
    Object.fromEntries(Object.entries(ALIASES).map(([c, names]) => [c, headerName(names)])) as Record<
      CanonicalColumn,
      fc.Arbitrary<string>
    >,
  ),
  columns: fc
    .record({
      order: fc.shuffledSubarray([...REQUIRED_COLUMNS], { minLength: 6, maxLength: 6 }),
      completed: fc.boolean(),
      predicted: fc.boolean(),
      trueP: fc.boolean(),
    })
    .map(({ order, completed, predicted, trueP }) => [
      ...order,
      ...(completed ? (['completed'] as const) : []),
      ...(predicted ? (['predicted_correct'] as const) : []),
      ...(trueP ? (['true_p'] as const) : []),
    ]),
  difficultyScheme: fc.constantFrom('named', 'zero-based', 'one-based'),
  delimiter: fc.constantFrom(',', ';', '\t'),
  newline: fc.constantFrom('\n', '\r\n'),
  container: fc.constantFrom('array', 'tasks', 'data', 'rows', 'ndjson'),
  pretty: fc.boolean(),
  encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be'),
  choices: fc.array(fc.nat(1000), { minLength: 1, maxLength: 64 }),
});

/** Text → the bytes of a file in the style's encoding (UTF-16 with its byte-order mark). */
export function encodeText(text: string, encoding: FileStyle['encoding']): Uint8Array {
  if (encoding === 'utf-8') return new TextEncoder().encode(text);
  if (encoding === 'utf-8-bom') return new TextEncoder().encode(`\uFEFF${text}`);
  const bytes = new Uint8Array(2 + text.length * 2);
  const little = encoding === 'utf-16le';
  bytes.set(little ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes[2 + 2 * i + (little ? 0 : 1)] = unit & 0xff;
    bytes[2 + 2 * i + (little ? 1 : 0)] = unit >> 8;
  }
  return bytes;
}

/** One RFC 4180 field: quoted when it must be, and now and then when it need not be. */
export function csvField(value: string, delimiter: string, forceQuotes: boolean): string {
  const must = value.includes(delimiter) || /["\r\n]/.test(value);
  return must || forceQuotes ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvText(header: string[], rows: string[][], style: FileStyle): string {
  let n = 0;
  const next = () => (style.choices[n++ % style.choices.length] ?? 0) % 5 === 0;
  const line = (cells: string[]) =>
    cells.map((c) => csvField(c, style.delimiter, next())).join(style.delimiter);
  return [line(header), ...rows.map(line)].join(style.newline) + (next() ? style.newline : '');
}

export function jsonText(rows: Record<string, unknown>[], style: FileStyle): string {
  const indent = style.pretty ? 2 : undefined;
  if (style.container === 'ndjson') return rows.map((r) => JSON.stringify(r)).join(style.newline);
  const body = style.container === 'array' ? rows : { [style.container]: rows };
  return JSON.stringify(body, null, indent);
}

/** Near-misses of every rule in docs/contract.md §1, then anything at all. No NUL: that refuses a whole file. */
export const junkArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'null',
    'NaN',
    'Infinity',
    '-Infinity',
    '-1',
    '-0',
    '1e400',
    '0x10',
    '1,5',
    '.5',
    '5.',
    '½',
    '１',
    'EASY ',
    'easyy',
    'Medium',
    '4',
    '3',
    '0',
    '-',
    '+',
    'tru',
    'yes ',
    'Y',
    'on',
    '2025-02-30T00:00:00Z',
    '2025-13-01',
    '2025-01-01T24:00:00Z',
    '2025-01-01T25:00:00Z',
    '1e11',
    '99999999999999999',
    '1969-12-31T23:59:59Z',
    '2100-01-01T00:00:00Z',
    '1.5',
    '2',
    ' 0.5 ',
    '<b>x</b>',
    '=1+1',
  ),
  fc.string({ unit: 'binary', maxLength: 20 }).filter((s) => !s.includes('\u0000')),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc
    .jsonValue({ maxDepth: 2 })
    .filter((v) => typeof v === 'object' && !JSON.stringify(v).includes('\\u0000')),
);

/** How CSV would hold a JSON value: its text. */
export const asCsvText = (v: unknown): string =>
  v === null || v === undefined
    ? ''
    : typeof v === 'string'
      ? v
      : typeof v === 'object'
        ? JSON.stringify(v)
        : String(v);

/**
 * Seeded, so CI replays the same cases; FUZZ_SEED and FUZZ_RUNS explore further by hand
 * (e.g. `FUZZ_SEED=7 FUZZ_RUNS=2000 npx vitest run src/core/data/import-rows.fuzz.test.ts`).
 */
export function fuzzParameters(seed: number, numRuns: number): { seed: number; numRuns: number } {
  const env = globalThis.process?.env ?? {};
  return { seed: Number(env.FUZZ_SEED ?? seed), numRuns: Number(env.FUZZ_RUNS ?? numRuns) };
}
