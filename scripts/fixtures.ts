/**
 * `npm run fixtures [-- --big]`: writes every synthetic fixture (seed-shaped, medium, big) and the
 * bad-input corpus with its manifest. Deterministic: fixed seeds, no clock, so reruns are byte-identical
 * and the committed files can be checked by regenerating them.
 */
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng } from '../src/core/random/rng';
import {
  populationUsers,
  seedShapedUsers,
  simulateLearners,
  streamLearners,
} from './fixtures/simulate-learners';
import type { SimTask } from './fixtures/simulate-learners';
import { csvField, formatSeconds, writeCsv, writeJson } from './fixtures/write-fixtures';

const SEEDS = { seedShaped: 7, medium: 20_000, big100k: 100_000, big1m: 1_000_000 } as const;
const START_DATE = '2025-09-01T08:00:00.000Z';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIX = join(ROOT, 'fixtures');

type Expect =
  | { outcome: 'refused'; messageIncludes: string[] }
  | { outcome: 'imported'; rows: number; skipped: number; problemColumns: string[] };
type BadFile = { file: string; what: string; content: string | Uint8Array } & Expect;

const HEADER = ['user_id', 'topic', 'difficulty', 'completed_at', 'is_correct', 'actual_time_seconds'];
const PNG_1X1 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
const COL = Object.fromEntries(HEADER.map((h, i) => [h, i])) as Record<string, number>;
const refused = (...messageIncludes: string[]): Expect => ({ outcome: 'refused', messageIncludes });
const imported = (rows: number, skipped = 0, problemColumns: string[] = []): Expect => ({
  outcome: 'imported',
  rows,
  skipped,
  problemColumns,
});

function table(header: string[], rows: string[][], delimiter = ',', eol = '\n'): string {
  return [header, ...rows].map((r) => r.map((v) => csvField(v, delimiter)).join(delimiter) + eol).join('');
}

/** The first tasks of each seed user (2/2/1/1): the few valid rows every bad file is derived from. */
function baseTasks(seedRows: SimTask[]): SimTask[] {
  const quota = new Map([
    ['bulk@example.com', 2],
    ['you2@example.com', 2],
    ['nigag@example.com', 1],
    ['asss77@example.com', 1],
  ]);
  return seedRows.filter((t) => {
    const left = quota.get(t.userId) ?? 0;
    quota.set(t.userId, left - 1);
    return left > 0;
  });
}

function badCorpus(base: SimTask[]): BadFile[] {
  const N = base.length;
  const f = (file: string, what: string, content: string | Uint8Array, expect: Expect): BadFile => ({
    file,
    what,
    content,
    ...expect,
  });
  const cells = (): string[][] =>
    base.map((t) => [
      t.userId,
      t.topic,
      t.difficulty,
      new Date(t.completedAtMs).toISOString(),
      String(t.isCorrect),
      formatSeconds(t.actualTimeSeconds),
    ]);
  /** cells() with some values replaced: [row, column, value] each. */
  const edit = (...changes: [number, string, string][]): string[][] => {
    const rows = cells();
    for (const [row, column, value] of changes) rows[row % N]![COL[column]!] = value;
    return rows;
  };
  const csv = (...changes: [number, string, string][]): string => table(HEADER, edit(...changes));
  const records = (): Record<string, unknown>[] =>
    cells().map((r) => ({
      ...Object.fromEntries(HEADER.map((h, i) => [h, r[i]])),
      is_correct: r[4] === 'true',
      actual_time_seconds: Number(r[5]),
    }));
  const withExtra = (name: string, values: string[]): string =>
    table(
      [...HEADER, name],
      cells().map((r, i) => [...r, values[i % values.length]!]),
    );
  const levels = (a: string, b: string, c: string): string =>
    csv(...[a, b, c, a, b, c].map((v, i): [number, string, string] => [i, 'difficulty', v]));
  const epoch = (divisor: number): string =>
    csv(
      ...base.map((t, i): [number, string, string] => [
        i,
        'completed_at',
        String(Math.floor(t.completedAtMs / divisor)),
      ]),
    );
  const rng = createRng('bad-corpus');
  const sqlite = new TextEncoder().encode('SQLite format 3\0');
  const nulBytes = Uint8Array.from(
    { length: 512 },
    (_, i) => sqlite[i] ?? (rng.next() < 0.4 ? 0 : rng.int(256)),
  );
  const png = Buffer.from(PNG_1X1, 'base64');
  const ndjson = records().map((r) => JSON.stringify(r));
  ndjson[3] = ndjson[3]!.slice(0, 40);
  const pollute = '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},';
  const protoRows = records().map((r) => JSON.stringify(r).replace(/^\{/, pollute));
  const short = cells();
  short[3] = short[3]!.slice(0, 4);
  const prose = 'These are my notes from the tutoring session\nWe covered limits and derivatives\n';
  const xml =
    '<?xml version="1.0"?>\n<tasks>\n  <task user="bulk@example.com" topic="Calculus"/>\n</tasks>\n';
  const one = (column: string): Expect => imported(N - 1, 1, [column]);
  return [
    f('empty.csv', 'zero bytes', '', refused('empty')),
    f('whitespace-only.csv', 'only spaces, tabs and line breaks', ' \n\t \r\n   \n', refused('empty')),
    f('header-only.csv', 'a valid header, no data row', HEADER.join(',') + '\n', refused('no valid row')),
    f('png-image.csv', 'a 1×1 PNG image renamed to .csv', png, refused('binary')),
    f('nul-bytes.csv', 'database-like bytes, ~40 % NUL, renamed to .csv', nulBytes, refused('binary')),
    f(
      'broken.json',
      'a JSON array cut off mid-object',
      JSON.stringify(records()).slice(0, 300),
      refused('not valid JSON'),
    ),
    f(
      'object-without-array.json',
      'a JSON object holding its rows under "items", not tasks/data/rows',
      JSON.stringify({ exportedAt: START_DATE, items: records() }, null, 2),
      refused('tasks', 'data', 'rows'),
    ),
    f('prose.txt', 'plain English text, no delimiter', prose, refused('neither CSV nor JSON')),
    f('markup.xml', 'an XML document', xml, refused('neither CSV nor JSON')),
    f(
      'missing-topic-difficulty.csv',
      'the topic and difficulty columns are absent',
      table(
        ['user_id', 'completed_at', 'is_correct', 'actual_time_seconds'],
        cells().map((r) => [r[0]!, r[3]!, r[4]!, r[5]!]),
      ),
      refused('missing the required column', 'topic', 'difficulty'),
    ),
    f(
      'bad-difficulty.csv',
      'row 3 has difficulty "extreme"',
      csv([2, 'difficulty', 'extreme']),
      one('difficulty'),
    ),
    f('bad-boolean.csv', 'row 2 has is_correct "maybe"', csv([1, 'is_correct', 'maybe']), one('is_correct')),
    f(
      'negative-time.csv',
      'row 4 has actual_time_seconds -12.5',
      csv([3, 'actual_time_seconds', '-12.5']),
      one('actual_time_seconds'),
    ),
    f(
      'non-numeric-time.csv',
      'row 5 has actual_time_seconds "about a minute"',
      csv([4, 'actual_time_seconds', 'about a minute']),
      one('actual_time_seconds'),
    ),
    f(
      'bad-timestamp.csv',
      'row 3 has completed_at "not a date"',
      csv([2, 'completed_at', 'not a date']),
      one('completed_at'),
    ),
    f('empty-user.csv', 'row 1 has an empty user_id', csv([0, 'user_id', '']), one('user_id')),
    f('empty-topic.csv', 'row 6 has an empty topic', csv([5, 'topic', '']), one('topic')),
    f(
      'all-rows-invalid.csv',
      'every row breaks a different rule',
      csv(
        [0, 'difficulty', 'extreme'],
        [1, 'is_correct', 'maybe'],
        [2, 'actual_time_seconds', '-1'],
        [3, 'completed_at', 'never'],
        [4, 'user_id', ''],
        [5, 'topic', ''],
      ),
      refused('no valid row'),
    ),
    f(
      'predicted-out-of-range.csv',
      'predicted_correct column; row 3 has 1.7',
      withExtra('predicted_correct', ['0.62', '0.81', '1.7', '0.55']),
      one('predicted_correct'),
    ),
    f(
      'not-completed.csv',
      'completed column; rows 2 and 5 are false (left out, not skipped)',
      withExtra('completed', ['true', 'false', 'true']),
      imported(N - 2),
    ),
    f(
      'semicolon-bom-crlf.csv',
      'UTF-8 BOM, semicolon delimiter, CRLF line ends',
      '\uFEFF' + table(HEADER, cells(), ';', '\r\n'),
      imported(N),
    ),
    f('tab-delimited.tsv', 'tab-separated values', table(HEADER, cells(), '\t'), imported(N)),
    f(
      'quoted-fields.csv',
      'quoted fields holding commas, doubled quotes and a line break',
      csv(
        [0, 'topic', 'Calculus, limits'],
        [1, 'topic', 'The "chain" rule'],
        [2, 'topic', 'Algebra\nword problems'],
        [3, 'user_id', 'o"brien, pat@example.com'],
      ),
      imported(N),
    ),
    f(
      'utf16le-bom.csv',
      'the valid CSV encoded as UTF-16 LE with BOM',
      Buffer.from('\uFEFF' + csv(), 'utf16le'),
      imported(N),
    ),
    f(
      'html-and-formula-names.csv',
      'user ids holding an <img onerror> tag and an =HYPERLINK formula: kept as plain text',
      csv([0, 'user_id', '<img src=x onerror=alert(1)>'], [1, 'user_id', '=HYPERLINK("http://x")']),
      imported(N),
    ),
    f(
      'proto-keys.json',
      'rows with "__proto__" and "constructor" keys: no prototype pollution',
      `[\n${protoRows.join(',\n')}\n]\n`,
      imported(N),
    ),
    f(
      'broken-line.ndjson',
      'NDJSON; the fourth line is cut off',
      ndjson.join('\n') + '\n',
      imported(N - 1, 1, ['(row)']),
    ),
    f('epoch-seconds.csv', 'completed_at as epoch seconds', epoch(1000), imported(N)),
    f('epoch-milliseconds.csv', 'completed_at as epoch milliseconds', epoch(1), imported(N)),
    f(
      'difficulty-0-1-2.csv',
      'difficulty coded 0/1/2 (all three present)',
      levels('0', '1', '2'),
      imported(N),
    ),
    f(
      'difficulty-1-2-3.csv',
      'difficulty coded 1/2/3 (all three present)',
      levels('1', '2', '3'),
      imported(N),
    ),
    f(
      'aliases.csv',
      'headers user_email, skill, level, timestamp, correct, duration_seconds',
      table(['user_email', 'skill', 'level', 'timestamp', 'correct', 'duration_seconds'], cells()),
      imported(N),
    ),
    f(
      'case-and-boolean-variants.csv',
      'difficulty in mixed case; is_correct as TRUE/f/yes/No/1/0',
      table(
        HEADER,
        cells().map(
          (r, i) => (
            (r[2] = ['Easy', 'MEDIUM', 'Hard'][i % 3]!),
            (r[4] = ['TRUE', 'f', 'yes', 'No', '1', '0'][i]!),
            r
          ),
        ),
      ),
      imported(N),
    ),
    f(
      'wrapped-tasks.json',
      'a JSON object holding the rows under "tasks"',
      JSON.stringify({ tasks: records() }, null, 2),
      imported(N),
    ),
    f(
      'duplicate-headers.csv',
      'topic appears twice: the first is used, the second (empty) ignored',
      withExtra('topic', ['']),
      imported(N),
    ),
    f('too-few-fields.csv', 'row 4 has 4 of 6 fields', table(HEADER, short), imported(N - 1, 1, ['(row)'])),
  ];
}

async function writeBadCorpus(seedRows: SimTask[]): Promise<number> {
  const dir = join(FIX, 'bad');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const corpus = badCorpus(baseTasks(seedRows));
  for (const { content, file } of corpus) await writeFile(join(dir, file), content);
  const manifest = corpus.map(({ content: _content, ...entry }) => entry);
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return corpus.length;
}

async function timed(label: string, work: () => Promise<number>): Promise<void> {
  const t0 = performance.now();
  const rows = await work();
  console.log(
    `${label}: ${rows.toLocaleString('en-US')} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}

async function main(): Promise<void> {
  const seedRows = simulateLearners({
    seed: SEEDS.seedShaped,
    users: seedShapedUsers(),
    startDate: START_DATE,
  });
  await timed('fixtures/seed-shaped.csv', () => writeCsv(join(FIX, 'seed-shaped.csv'), seedRows));
  await timed('fixtures/seed-shaped.json', () => writeJson(join(FIX, 'seed-shaped.json'), seedRows));
  await mkdir(join(ROOT, 'public/samples'), { recursive: true });
  await copyFile(join(FIX, 'seed-shaped.csv'), join(ROOT, 'public/samples/seed-shaped.csv'));
  const population = (seed: number, users: number, rows: number): Iterable<SimTask> =>
    streamLearners({ seed, users: populationUsers(seed, users, rows), startDate: START_DATE });
  await timed('fixtures/medium.csv', () =>
    writeCsv(join(FIX, 'medium.csv'), population(SEEDS.medium, 200, 20_000)),
  );
  await timed('fixtures/bad/ files', () => writeBadCorpus(seedRows));
  if (process.argv.includes('--big')) {
    const gen = join(FIX, 'generated');
    await timed('fixtures/generated/big-100k.csv', () =>
      writeCsv(join(gen, 'big-100k.csv'), population(SEEDS.big100k, 1000, 100_000)),
    );
    await timed('fixtures/generated/big-1m.csv', () =>
      writeCsv(join(gen, 'big-1m.csv'), population(SEEDS.big1m, 1000, 1_000_000)),
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
