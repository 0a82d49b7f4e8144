import { describe, expect, it } from 'vitest';
import { summarizeDataset } from '../data/summarize-dataset';
import { evaluateStrategy, resolveThresholds } from '../evaluation/evaluate-strategy';
import { fakeTrained } from '../evaluation/fake-trained.test-helper';
import { scoreBaseline, scoreRecorded } from '../evaluation/held-out-scores';
import { temporalSplit } from '../split/temporal-split';
import { datasetOf, syntheticTasks } from '../testing/test-data.test-helper';
import { DEFAULT_VALIDATION } from '../strategies/types';
import { buildReport, metric, type ReportInputs } from './build-report';
import { reportSchema, validateReport } from './report-schema';
import type { ReportStrategyOk } from './report-types';

// Held-out rows carry true_p; user 2's carry a recorded prediction, and all of user 2's held-out answers are
// made correct so its own AUC does not exist (null in JSON, never NaN).
const base = syntheticTasks(150, 5, 3);
const split = temporalSplit(base);
const held = new Set(split.testIndices);
const tasks = base.map((t, i) => {
  if (!held.has(i)) return t;
  const u2 = t.userId === 'user2@example.com';
  return { ...t, trueP: 0.6, ...(u2 ? { isCorrect: true, predictedCorrect: 0.7 } : {}) };
});
const dataset = datasetOf(tasks, 'synthetic.csv');

async function inputs(flatUser?: string): Promise<ReportInputs> {
  const trained = fakeTrained((c) =>
    c.userId === flatUser
      ? 0.5
      : 0.4 + 0.3 * (c.history[9] as number) + (c.topic === 'Geometry' ? -0.1 : 0.1),
  );
  const data = { tasks, testIndices: split.testIndices, seed: 3, resamples: 50 };
  const o = { seed: 3, resamples: 50 };
  return {
    summary: await summarizeDataset(dataset),
    split,
    strategies: [
      await evaluateStrategy(trained, data),
      {
        status: 'failed',
        id: 'per-user',
        label: '6. Per-user models',
        options: {},
        trainMs: 3,
        error: 'boom',
      },
    ],
    baseline: scoreBaseline(tasks, split.trainIndices, split.testIndices, o),
    recorded: scoreRecorded(tasks, split.testIndices, o),
    seed: 3,
    backend: 'cpu',
    thresholds: resolveThresholds(),
    validation: DEFAULT_VALIDATION,
    generatedAt: '2026-01-02T03:04:05.000Z',
  };
}

describe('buildReport', () => {
  it('is JSON-safe: survives a JSON round trip unchanged and validates against the schema', async () => {
    const report = buildReport(await inputs());
    const text = JSON.stringify(report);
    expect(text).not.toMatch(/NaN|Infinity/);
    expect(JSON.parse(text)).toEqual(report);
    expect(validateReport(JSON.parse(text))).toEqual({ ok: true, report });
    expect(report.split).toMatchObject({ kind: 'temporal-per-user', testRows: split.testIndices.length });
    expect(report.dataset).toMatchObject({ rows: 150, hasTrueP: true, hasPredictedCorrect: true });
    expect(report.recorded?.test.n).toBeGreaterThan(0);
    expect(report.baseline.test.auc).toBe(0.5);
    expect(report.strategies.map((s) => s.status)).toEqual(['ok', 'failed']);
  });

  it('turns a missing metric into null and an infinite variance ratio into null plus a flag', async () => {
    const report = buildReport(await inputs('user1@example.com'));
    const s = report.strategies[0] as ReportStrategyOk;
    expect(s.varianceRatio).toBeNull();
    expect(s.varianceRatioInfinite).toBe(true);
    expect(s.verdicts.generalizes).toBe(false);
    const u2 = s.testPerUser.find((u) => u.userId === 'user2@example.com');
    expect(u2?.auc).toBeNull();
    expect(s.groundTruth?.overall.n).toBe(split.testIndices.length);
    expect(s.phases[0]).toEqual(expect.objectContaining({ bestValLoss: null, valLosses: [null] }));
    expect(reportSchema.safeParse(JSON.parse(JSON.stringify(report))).success).toBe(true);
    const finite = buildReport(await inputs()).strategies[0] as ReportStrategyOk;
    expect(finite.varianceRatioInfinite).toBe(false);
    expect(finite.varianceRatio).toBeGreaterThan(0);
  });

  it('is pure: the same inputs give the same report', async () => {
    const i = await inputs();
    expect(buildReport(i)).toEqual(buildReport(i));
    expect([metric(undefined), metric(NaN), metric(-Infinity), metric(0.25)]).toEqual([
      null,
      null,
      null,
      0.25,
    ]);
  });
});

describe('reportSchema', () => {
  it('names the first bad field of a broken report', async () => {
    const good = JSON.parse(JSON.stringify(buildReport(await inputs())));
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- reports broken on purpose, field by field
    const cases: [(r: any) => void, string][] = [
      [(r) => delete r.schemaVersion, 'schemaVersion'],
      [(r) => (r.strategies[0].test.auc = 'high'), 'strategies.0.test.auc'],
      [(r) => (r.strategies[0].distribution.counts = [1, 2]), 'strategies.0.distribution.counts'],
      [(r) => (r.strategies[0].id = 'Magic!'), 'strategies.0.id'],
      // Not one of the six: an own recipe, which must declare its recipe.
      [(r) => (r.strategies[0].id = 'magic'), 'strategies.0.recipe'],
      [(r) => (r.strategies[0].recipe = { architecture: 'v2' }), 'strategies.0.recipe.capPerUser'],
      [(r) => (r.strategies[1].status = 'maybe'), 'strategies.1.status'],
      [(r) => (r.generatedAt = 'yesterday'), 'generatedAt'],
    ];
    for (const [breakIt, path] of cases) {
      const r = structuredClone(good);
      breakIt(r);
      const result = validateReport(r);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason.startsWith(`${path}:`)).toBe(true);
    }
  });

  it('accepts extra fields, as docs/contract.md welcomes them', async () => {
    const r = JSON.parse(JSON.stringify(buildReport(await inputs())));
    r.notes = 'extra';
    r.strategies[0].extra = { anything: true };
    expect(validateReport(r).ok).toBe(true);
  });
});
