// Property test of "Mask user IDs" through the real pipeline: a task export whose user ids are arbitrary
// (spaces, commas, quotes, "@", "<>", emoji, substrings of each other, up to 1 MB) is imported, trained
// (a per-user strategy, so phases and routes name users) and evaluated; then every way out — the report
// JSON, the CSV, the HTML summary, the dataset summary, the import problems and every file of a model
// bundle (unzipped, each byte read as text) — is searched for each id in every escaping it could take.
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { runComparison } from './run-comparison';
import { importTasksFromText } from '../data/import-tasks';
import { summarizeDataset } from '../data/summarize-dataset';
import { userRef } from '../data/user-ref';
import { packBundle } from '../export/pack-bundle';
import { takeSelfCheck } from '../export/self-check';
import { temporalSplit } from '../split/temporal-split';
import { escapeHtml } from '../report/escape-html';
import { maskImportReport, maskReport, maskSummary, userLabels } from '../report/mask-ids';
import { recommendStrategy } from '../report/recommend-strategy';
import { reportCsv } from '../report/report-csv';
import type { Report } from '../report/report-types';
import { summaryHtml } from '../report/summary-html';

const COLUMNS = ['user_id', 'topic', 'difficulty', 'completed_at', 'is_correct', 'actual_time_seconds'];
const csvField = (s: string) => `"${s.replaceAll('"', '""')}"`;

/** A small export: `tasksEach` tasks per user, a few rows that are skipped with an id as their value. */
function exportOf(ids: readonly string[], tasksEach = 14): string {
  // An extra column named after a user: ignored by the import, listed (masked) in its report.
  const lines = [[...COLUMNS, `notes for ${ids[0]}`].map(csvField).join(',')];
  ids.forEach((id, u) => {
    for (let k = 0; k < tasksEach + u; k++) {
      const at = new Date(Date.UTC(2025, 8, 1 + k, 8, u)).toISOString();
      const topic = ['Algebra', 'Geometry'][k % 2] as string;
      lines.push(
        [id, topic, 'easy', at, String((k + u) % 3 !== 0), String(20 + k), ''].map(csvField).join(','),
      );
    }
    // A skipped row quoting the id as its value (difficulty column), and one quoting it inside a value.
    lines.push([id, 'Algebra', id, '2025-09-01T00:00:00Z', 'true', '30', ''].map(csvField).join(','));
    lines.push(
      [id, 'Algebra', `hard for ${id}`, '2025-09-01T00:00:00Z', 'true', '30', ''].map(csvField).join(','),
    );
  });
  return lines.join('\n');
}

/** Every spelling an id can take in the outputs: as is, JSON-escaped, HTML-escaped, CSV-quoted. */
const spellings = (id: string): string[] => [
  ...new Set([id, JSON.stringify(id).slice(1, -1), escapeHtml(id), id.replaceAll('"', '""')]),
];

/** Every output of a masked run, as text: name → content. */
async function maskedOutputs(ids: readonly string[]): Promise<Map<string, string>> {
  const fileName = `export for ${ids[0]}.csv`;
  const imported = importTasksFromText(exportOf(ids), fileName);
  if (imported.kind !== 'ok') throw new Error(imported.message);
  const { dataset } = imported;
  const summary = await summarizeDataset(dataset);
  expect(summary.users.map((u) => u.userId).sort()).toEqual([...ids].sort());
  const labels = userLabels(summary.users.map((u) => u.userId));
  const { report: raw, trained } = await runComparison({
    dataset,
    summary,
    strategies: [
      { id: 'full-retrain', options: { epochs: 1, batchSize: 64 } },
      { id: 'per-user', options: { epochs: 1, batchSize: 64, minTasks: 2, finetuneEpochs: 1 } },
    ],
    seed: 3,
    backend: tf.getBackend(),
    resamples: 10,
  });
  // A failure that names a user, as the lab's messages do.
  const report: Report = {
    ...raw,
    strategies: [
      ...raw.strategies,
      {
        status: 'failed',
        id: 'weighted-loss',
        label: '4. Weighted loss',
        options: { note: ids[1] as string },
        trainMs: 1,
        error: `no training rows for ${userRef(ids[1] as string)}`,
      },
    ],
  };
  const masked = maskReport(report, labels);
  const outputs = new Map<string, string>([
    ['report.json', JSON.stringify(masked, null, 2)],
    ['report.csv', reportCsv(masked)],
    [
      'summary.html',
      summaryHtml({
        report: masked,
        recommendation: recommendStrategy(masked),
        generatedAt: '2026-01-01T00:00:00.000Z',
        masked: true,
      }),
    ],
    ['dataset summary', JSON.stringify(maskSummary(summary, labels))],
    ['import report', JSON.stringify(maskImportReport(dataset.report, labels))],
  ]);
  const perUser = trained.get('per-user');
  if (!perUser) throw new Error('per-user did not train');
  const split = temporalSplit(dataset.tasks);
  const bundle = await packBundle({
    trained: perUser,
    seed: 3,
    backend: 'cpu',
    dataset: { fingerprint: summary.fingerprint, rows: summary.rows, users: summary.users.length },
    metrics: raw.strategies.find((s) => s.id === 'per-user') ?? null,
    selfCheck: await takeSelfCheck(perUser, dataset.tasks, split.testIndices, summary.fingerprint),
    labels,
  });
  for (const [path, bytes] of Object.entries(unzipSync(bundle.bytes))) {
    outputs.set(`bundle ${path} (utf-8)`, new TextDecoder().decode(bytes));
    outputs.set(`bundle ${path} (latin-1)`, new TextDecoder('latin1').decode(bytes));
  }
  outputs.set('bundle file name', bundle.fileName);
  for (const t of trained.values()) t.dispose();
  // The pipeline did name users where masking had work to do.
  expect(JSON.stringify(report)).toContain(JSON.stringify(ids[0]).slice(1, -1));
  expect(masked.strategies.some((s) => s.status === 'ok' && s.phases.some((p) => p.userId))).toBe(true);
  return outputs;
}

/**
 * weights.bin holds float32 numbers only: any 1–3 byte sequence turns up in a few kilobytes of them by
 * chance, so there an id is looked for when its UTF-8 form is at least one float long.
 */
const searchable = (name: string, id: string) =>
  !name.includes('.bin ') || new TextEncoder().encode(id).length >= 4;

function expectNoId(outputs: Map<string, string>, ids: readonly string[]): void {
  const leaks: string[] = [];
  for (const [name, text] of outputs)
    for (const id of ids.filter((i) => searchable(name, i)))
      for (const spelling of spellings(id))
        if (text.includes(spelling)) leaks.push(`${name} holds ${JSON.stringify(id.slice(0, 40))}`);
  expect(leaks).toEqual([]);
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('Mask user IDs leaves no id in any output', () => {
  it('the issue’s ids: spaces, commas, quotes, @, <>, emoji, substrings of each other, 1 MB', async () => {
    const ids = [
      'Alice Smith',
      'Smith',
      'S-100234',
      'a,b',
      "O'Brien",
      '<x>',
      'jo@example.org',
      'say "hi"',
      '👩‍🎓 Zoë',
      `L${'ö'.repeat(1_000_000)}`,
    ];
    expectNoId(await maskedOutputs(ids), ids);
  }, 120_000);

  it('arbitrary ids (each with a character the lab never writes, so any trace of it is a leak)', async () => {
    // Trimmed, NUL-free, no isolates, not shaped like a label: what an import keeps as a distinct id.
    const idArb = fc
      .tuple(
        fc.constantFrom('§', '¤', 'ǂ', '👩‍🎓', 'Ω', '€'),
        fc.string({ unit: 'grapheme', maxLength: 24 }),
        fc.boolean(),
      )
      .map(([mark, body, front]) => (front ? `${mark}${body}` : `${body}${mark}`).trim())
      .filter(
        (id) =>
          id.length > 0 && !/[\u2068\u2069]/.test(id) && !id.includes('\u0000') && !/User [A-Z]/.test(id),
      );
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(idArb, { minLength: 3, maxLength: 5 }).chain((ids) =>
          // Some ids built from others: one a substring of another.
          fc.constant([...ids, `${ids[0]} ${ids[1]}`.trim()]),
        ),
        async (ids) => {
          const unique = [...new Set(ids)];
          expectNoId(await maskedOutputs(unique), unique);
        },
      ),
      { numRuns: 4, seed: 20_2026 },
    );
  }, 240_000);
});
