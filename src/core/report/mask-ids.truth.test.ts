/** The field-by-field masking reaches the Simulator truth row of a version-2 report (per-user scores, probes). */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importTasksFromText } from '../data/import-tasks';
import { summarizeDataset } from '../data/summarize-dataset';
import { scoredRows } from '../evaluation/counted-run';
import { evaluateTruth } from '../evaluation/evaluate-truth';
import { scoreBaseline } from '../evaluation/held-out-scores';
import { resolveThresholds } from '../evaluation/verdicts';
import { temporalSplit } from '../split/temporal-split';
import { DEFAULT_VALIDATION } from '../strategies/types';
import { buildReport } from './build-report';
import { maskReport, userLabels } from './mask-ids';

const SAMPLE = fileURLToPath(new URL('../../../fixtures/seed-shaped.csv', import.meta.url));

describe('maskReport on a version-2 report', () => {
  it('leaves no user id in a report with a Simulator truth row', async () => {
    const result = importTasksFromText(await readFile(SAMPLE, 'utf8'), 'seed-shaped.csv');
    if (result.kind !== 'ok') throw new Error(result.message);
    const { tasks } = result.dataset;
    const summary = await summarizeDataset(result.dataset);
    const split = temporalSplit(tasks);
    const data = { tasks, testIndices: split.testIndices, seed: 1, resamples: 20 };
    const truth = await evaluateTruth(
      { fingerprint: summary.fingerprint, rows: summary.rows, users: summary.users.length, hasTrueP: true },
      data,
    );
    const report = buildReport({
      summary,
      split,
      rows: scoredRows(tasks, split.testIndices),
      strategies: [],
      baseline: scoreBaseline(tasks, split.trainIndices, split.testIndices, { seed: 1, resamples: 20 }),
      recorded: undefined,
      truth,
      seeds: [1],
      backend: 'cpu',
      thresholds: resolveThresholds(),
      validation: DEFAULT_VALIDATION,
      generatedAt: '2026-01-01T00:00:00.000Z',
      resamples: 20,
    });
    expect(JSON.stringify(report.truth)).toContain('bulk@example.com');
    const masked = maskReport(report, userLabels(summary.users.map((u) => u.userId)));
    expect(JSON.stringify(masked)).not.toContain('@example.com');
    expect(masked.truth?.responseProbes[0]?.userId).toBe('User A');
  });
});
