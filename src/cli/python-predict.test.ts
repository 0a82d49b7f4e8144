/**
 * The proof that a bundle can be used outside the lab from the docs alone: `examples/python/predict.py`
 * (numpy only, no lab code) must reproduce the stored predictions of every strategy's bundle, trained here
 * through the CLI path (`compare --models`), and must import every fixture into the same tasks as the lab
 * (equal dataset fingerprints). CI (.ci/run) installs Debian's python3-numpy and sets
 * RETRAIN_LAB_REQUIRE_PYTHON, so there a missing python3/numpy fails; elsewhere it skips, saying why.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importTasksFromBytes } from '../core/data/import-tasks';
import { fingerprintTasks } from '../core/data/fingerprint';
import { summarizeDataset } from '../core/data/summarize-dataset';
import { packBundle } from '../core/export/pack-bundle';
import { pythonSnippet } from '../core/export/python-snippet';
import { takeSelfCheck } from '../core/export/self-check';
import { userLabels } from '../core/report/mask-ids';
import { temporalSplit } from '../core/split/temporal-split';
import { PRESET_IDS } from '../core/strategies/catalogue';
import { trainChoice } from '../core/strategies/strategy-spec';
import { compareCommand } from './compare-command';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const PREDICT = root('examples/python/predict.py');
const SAMPLE_CSV = root('fixtures/seed-shaped.csv');
const SAMPLE_JSON = root('fixtures/seed-shaped.json');

function pythonWithNumpy(): string | undefined {
  const probe = spawnSync('python3', ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8' });
  if (probe.error) return `python3 is not installed (${probe.error.message})`;
  if (probe.status !== 0) return `python3 has no numpy (${probe.stderr.trim().split('\n').pop() ?? ''})`;
  return undefined;
}

const missing = pythonWithNumpy();
const required = Boolean(process.env.RETRAIN_LAB_REQUIRE_PYTHON || process.env.CI);

// No __pycache__ left beside predict.py by the tests.
const env = { ...process.env, PYTHONDONTWRITEBYTECODE: '1' };
const python = (...args: string[]) => spawnSync('python3', [PREDICT, ...args], { encoding: 'utf8', env });
/** Each python3 run costs about 0.3 s of CPU (mostly importing numpy); a loaded machine makes it seconds. */
const SLOW = 300_000;

describe('python3 with numpy is available where it must be', () => {
  it.runIf(required)('is installed (CI installs Debian python3-numpy in .ci/run)', () => {
    expect(missing).toBeUndefined();
  });
  if (missing && !required) it.skip(`skipped locally: ${missing}`, () => undefined);
});

describe.skipIf(missing !== undefined)('examples/python/predict.py', () => {
  let dir: string;
  let bundles: string[];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'retrain-lab-python-'));
    const io = { stdout: () => undefined, stderr: () => undefined };
    const code = await compareCommand(
      [SAMPLE_CSV, '--epochs', '1', '--batch-size', '128', '--models', dir],
      io,
      async (path) => readFileSync(path, 'utf8'),
      async (path, data) => writeFileSync(path, data),
    );
    expect(code).toBe(0);
    bundles = readdirSync(dir).filter((f) => f.endsWith('.zip'));
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    'reproduces the stored predictions of all six strategies’ bundles (≤ 1e-5), from the CSV and its JSON twin',
    () => {
      expect(bundles.map((f) => f.replace(/^retrain-lab-|-\d{4}-\d\d-\d\d\.zip$/g, '')).sort()).toEqual(
        [...PRESET_IDS].sort(),
      );
      for (const file of bundles) {
        for (const tasks of [SAMPLE_CSV, SAMPLE_JSON]) {
          const run = python(join(dir, file), tasks, '--self-check');
          expect(run.stderr, `${file} on ${tasks}`).toBe('');
          expect(run.status, `${file} on ${tasks}: ${run.stdout}`).toBe(0);
          expect(run.stdout).toMatch(/^self-check passed: 182 stored rows, [13] route\(s\)/);
        }
      }
      // Strategy 6 routes the fine-tuned users to their own networks.
      const perUser = bundles.find((f) => f.includes('per-user')) as string;
      expect(python(join(dir, perUser), SAMPLE_CSV, '--self-check').stdout).toContain('3 route(s)');
    },
    SLOW,
  );

  it(
    'reproduces monotone-response bundles too (the side path: Dense, Add, Activation)',
    async () => {
      const mono = mkdtempSync(join(tmpdir(), 'retrain-lab-python-monotone-'));
      try {
        const io = { stdout: () => undefined, stderr: () => undefined };
        const argv = [SAMPLE_CSV, '--strategies', 'architecture-fixes,per-user', '--epochs', '1'];
        const code = await compareCommand(
          [...argv, '--batch-size', '128', '--monotone-counts', '--models', mono],
          io,
          async (path) => readFileSync(path, 'utf8'),
          async (path, data) => writeFileSync(path, data),
        );
        expect(code).toBe(0);
        const files = readdirSync(mono).filter((f) => f.endsWith('.zip'));
        expect(files).toHaveLength(2);
        for (const file of files) {
          const run = python(join(mono, file), SAMPLE_CSV, '--self-check');
          expect(run.stderr, file).toBe('');
          expect(run.stdout, file).toMatch(/^self-check passed: 182 stored rows/);
        }
      } finally {
        rmSync(mono, { recursive: true, force: true });
      }
    },
    SLOW,
  );

  it(
    'fails the self-check (exit 1) when a stored prediction is off by more than 1e-5',
    () => {
      const file = join(dir, bundles.find((f) => f.includes('progressive')) as string);
      const files = unzipSync(readFileSync(file));
      const manifest = JSON.parse(strFromU8(files['manifest.json'] as Uint8Array)) as {
        selfCheck: { pCorrect: number[] };
      };
      manifest.selfCheck.pCorrect[7] = (manifest.selfCheck.pCorrect[7] as number) + 2e-5;
      const tampered = join(dir, 'tampered.zip');
      writeFileSync(tampered, zipSync({ ...files, 'manifest.json': strToU8(JSON.stringify(manifest)) }));
      const run = python(tampered, SAMPLE_CSV, '--self-check');
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(/^self-check FAILED: .*max \|dP\(correct\)\| = 2(\.\d+)?e-05/);
      // Another dataset: not applicable, exit 2.
      const other = python(file, root('fixtures/medium.csv'), '--self-check');
      expect([other.status, other.stdout]).toEqual([2, expect.stringMatching(/^self-check not applicable/)]);
    },
    SLOW,
  );

  it(
    'writes one prediction per task, in file order, with P(correct) in (0, 1) and seconds in the training range',
    () => {
      const file = join(dir, bundles.find((f) => f.includes('per-user')) as string);
      const out = join(dir, 'predictions.csv');
      const run = python(file, SAMPLE_CSV, '--out', out);
      expect(run.status, run.stderr).toBe(0);
      const lines = readFileSync(out, 'utf8').trim().split('\n');
      expect(lines[0]).toBe(
        'row,user_id,topic,difficulty,completed_at,is_correct,actual_time_seconds,p_correct,predicted_seconds,route',
      );
      expect(lines).toHaveLength(918);
      const rows = lines.slice(1).map((l) => l.split(','));
      expect(rows.map((r) => Number(r[0]))).toEqual(Array.from({ length: 917 }, (_, i) => i + 1));
      for (const r of rows) {
        expect(Number(r[7])).toBeGreaterThan(0);
        expect(Number(r[7])).toBeLessThan(1);
        expect(Number(r[8])).toBeGreaterThan(0);
      }
      expect(new Set(rows.map((r) => r[9]))).toEqual(
        new Set(['shared', 'bulk@example.com', 'you2@example.com']),
      );
      const next = python(
        file,
        SAMPLE_CSV,
        '--next',
        'nigag@example.com',
        'Algebra',
        'hard',
        '2025-12-01T10:00:00Z',
      );
      expect(next.status, next.stderr).toBe(0);
      expect(JSON.parse(next.stdout)).toMatchObject({
        route: 'shared',
        history_tasks: 9,
        difficulty: 'hard',
      });
    },
    SLOW,
  );

  it(
    'runs the export panel’s “Use it in Python” snippet as written (command lines and Python calls)',
    () => {
      const file = bundles.find((f) => f.includes('weighted-loss')) as string;
      const date = new Date(`${/(\d{4}-\d\d-\d\d)\.zip$/.exec(file)?.[1] ?? ''}T12:00:00Z`);
      const snippet = pythonSnippet({
        strategyId: 'weighted-loss',
        date,
        tasksFile: SAMPLE_CSV,
        masked: false,
      });
      const [shell, code] = snippet.split('import predict\n');
      const commands = (shell ?? '').split('\n').filter((l) => l.startsWith('python3 predict.py '));
      expect(commands).toHaveLength(3);
      for (const command of commands) {
        const args = command
          .replace('python3 predict.py ', '')
          .replace('USER_ID TOPIC', 'you2@example.com Calculus')
          .split(' ');
        const run = spawnSync('python3', [PREDICT, ...args], { cwd: dir, encoding: 'utf8', env });
        expect(run.status, `${command}: ${run.stderr}`).toBe(0);
      }
      const program = [
        'import sys',
        `sys.path.insert(0, ${JSON.stringify(root('examples/python'))})`,
        'import predict',
        code ?? '',
        'print(len(p_correct), set(routes))',
      ].join('\n');
      const api = spawnSync('python3', ['-c', program], { cwd: dir, encoding: 'utf8', env });
      expect(api.status, api.stderr).toBe(0);
      expect(api.stdout.trim()).toBe("917 {'shared'}");
    },
    SLOW,
  );

  it(
    'follows masked ids: labels the export’s own users as the lab does, and asks for a mapping otherwise',
    async () => {
      const bytes = readFileSync(SAMPLE_CSV);
      const imported = importTasksFromBytes(bytes, 'seed-shaped.csv');
      if (imported.kind !== 'ok') throw new Error(imported.message);
      const { tasks } = imported.dataset;
      const summary = await summarizeDataset(imported.dataset);
      const trained = await trainChoice(
        { id: 'weighted-loss', options: { epochs: 1, batchSize: 128 } },
        { tasks, trainIndices: temporalSplit(tasks).trainIndices },
        { seed: 9 },
      );
      const labels = userLabels(summary.users.map((u) => u.userId));
      const packed = await packBundle({
        trained,
        seed: 9,
        backend: 'cpu',
        dataset: { fingerprint: summary.fingerprint, rows: summary.rows, users: summary.users.length },
        metrics: null,
        selfCheck: await takeSelfCheck(trained, tasks, temporalSplit(tasks).testIndices, summary.fingerprint),
        labels,
      });
      trained.dispose();
      const file = join(dir, 'masked.zip');
      writeFileSync(file, packed.bytes);
      const check = python(file, SAMPLE_CSV, '--self-check');
      expect(check.status, check.stdout + check.stderr).toBe(0);
      const plain = python(file, SAMPLE_CSV);
      expect([plain.status, plain.stderr]).toEqual([2, expect.stringContaining('--user-map auto')]);
      const auto = python(file, SAMPLE_CSV, '--user-map', 'auto');
      expect(auto.status).toBe(0);
    },
    SLOW,
  );

  it(
    'imports every fixture, the bad corpus included, into the same tasks as the lab (equal fingerprints)',
    async () => {
      const edge = join(dir, 'edge.csv');
      // Ties at one instant, numeric levels 1–3, zone-less and odd ISO forms, epoch seconds with a fraction,
      // padded values, a not-completed row and a skipped one.
      writeFileSync(
        edge,
        [
          'Learner_ID ; KC ;level;timestamp;outcome;duration_seconds;completed;predicted_correct',
          ' u1 ;Alg;1;2025-01-01t12:00;YES;10;;0.5',
          'u1;Alg;3;2025-01-01 12:00:00.1239;no;0;true;',
          'u1; Geo ;2;1735732800;t;3.5;;1',
          'u2;Geo;1;1735732800000;F;2;false;',
          'u2;Geo;2;2025-01-01T24:00:00.000+01:00;1;7;;',
          'u2;Geo;2;2025-02-29T00:00:00Z;1;7;;',
          'u2;Alg;2;1735732800.0005;0;1e1;;',
          'u3;Alg;2;2024-02-29;1;  4 ;;1.5',
        ].join('\r\n'),
      );
      const edgeJson = join(dir, 'edge.json');
      writeFileSync(
        edgeJson,
        JSON.stringify({
          tasks: [
            { user: 12, skill: 'A', level: 1.0, timestamp: 1735732800, correct: 1, actual_time: 3 },
            {
              user: 12,
              skill: 'A',
              level: 0,
              timestamp: 1735732800,
              correct: true,
              actual_time: 2.5,
              true_p: 'x',
            },
            { user: 1e21, skill: true, level: 2, timestamp: '2025-01-02', correct: 'f', actual_time: 0 },
            { user: 'u', skill: 'A', level: 'HARD', timestamp: null, correct: 'f', actual_time: 0 },
          ],
        }),
      );
      const bad = root('fixtures/bad');
      const files = [
        SAMPLE_CSV,
        SAMPLE_JSON,
        root('fixtures/medium.csv'),
        edge,
        edgeJson,
        ...readdirSync(bad)
          .filter((f) => f !== 'manifest.json')
          .map((f) => join(bad, f)),
      ];
      // One python3 run for all files: a line each, the fingerprint or "refused: …".
      const lines = python('--fingerprint', ...files)
        .stdout.trim()
        .split('\n');
      expect(lines).toHaveLength(files.length);
      let compared = 0;
      for (const [i, path] of files.entries()) {
        const imported = importTasksFromBytes(new Uint8Array(readFileSync(path)), path);
        if (imported.kind === 'refused') {
          expect(lines[i], `${path} is refused by the lab, read by predict.py`).toMatch(/^refused: /);
          continue;
        }
        expect(lines[i], path).toBe(await fingerprintTasks(imported.dataset.tasks));
        compared++;
      }
      expect(compared).toBeGreaterThan(20);
    },
    SLOW,
  );
});
