/**
 * A real report for the report tests (masking, recommendation, the HTML summary): synthetic tasks of
 * e-mail users, a hand-written predictor evaluated by the real evaluation, built by buildReport.
 * Test-only; `sixStrategies` varies the verdicts and macro log loss of copies of that one entry.
 */
import { summarizeDataset } from '../data/summarize-dataset';
import { evaluateStrategy, resolveThresholds } from '../evaluation/evaluate-strategy';
import { fakeTrained } from '../evaluation/fake-trained.test-helper';
import { scoreBaseline, scoreRecorded } from '../evaluation/held-out-scores';
import { temporalSplit } from '../split/temporal-split';
import { datasetOf, syntheticTasks } from '../testing/test-data.test-helper';
import { CATALOGUE, presetOf } from '../strategies/catalogue';
import { DEFAULT_VALIDATION, type PhaseSummary } from '../strategies/types';
import { buildReport } from './build-report';
import type { Report, ReportStrategy, ReportStrategyOk } from './report-types';

/** A report over 4 users (user0@example.com has the most tasks) with one evaluated strategy. */
export async function realReport(): Promise<Report> {
  const base = syntheticTasks(160, 11, 4);
  const split = temporalSplit(base);
  const held = new Set(split.testIndices);
  // Held-out rows carry true_p and a recorded prediction, so every per-user block of the report exists.
  const tasks = base.map((t, i) => (held.has(i) ? { ...t, trueP: 0.6, predictedCorrect: 0.55 } : t));
  const dataset = datasetOf(tasks, 'export-for-user0@example.com.csv');
  const trained = fakeTrained();
  // A per-user fine-tune phase and influence rows for every user, as strategy 6 reports them.
  trained.trainingInfluence = ['user0', 'user1', 'user2', 'user3'].map((u, i) => ({
    userId: `${u}@example.com`,
    samples: 10 - i,
    weight: 1,
    share: 0.25,
    phase: i === 0 ? 'train' : `user ${u}@example.com`,
  }));
  trained.phases = [
    ...trained.phases,
    { ...(trained.phases[0] as PhaseSummary), phase: 'user', userId: 'user1@example.com' },
  ];
  trained.options = { ...trained.options, note: 'tuned for user2@example.com' };
  const data = { tasks, testIndices: split.testIndices, seed: 5, resamples: 40 };
  const o = { seed: 5, resamples: 40 };
  const evaluated = await evaluateStrategy(trained, data);
  return buildReport({
    summary: await summarizeDataset(dataset),
    split,
    strategies: [
      evaluated,
      {
        status: 'failed',
        id: 'per-user',
        label: presetOf('per-user')?.label ?? '',
        options: {},
        trainMs: 3,
        error: 'no rows for user3@example.com',
      },
    ],
    baseline: scoreBaseline(tasks, split.trainIndices, split.testIndices, o),
    recorded: scoreRecorded(tasks, split.testIndices, o),
    seed: 5,
    backend: 'cpu',
    thresholds: resolveThresholds(),
    validation: DEFAULT_VALIDATION,
    generatedAt: '2026-02-03T04:05:06.000Z',
  });
}

export interface StrategySpec {
  continuous: boolean;
  responsive: boolean;
  generalizes: boolean;
  macroLogLoss: number | null;
  label?: string;
}

/** The report with the six strategies in catalogue order, copies of its trained entry set to `specs`. */
export function sixStrategies(report: Report, specs: readonly StrategySpec[]): Report {
  const template = report.strategies.find((s): s is ReportStrategyOk => s.status === 'ok');
  if (!template) throw new Error('the report has no trained strategy');
  const strategies: ReportStrategy[] = specs.map((spec, i) => {
    const preset = CATALOGUE[i];
    if (!preset) throw new Error(`the catalogue has no strategy ${i + 1}`);
    return {
      ...template,
      id: preset.id,
      label: spec.label ?? preset.label,
      verdicts: { continuous: spec.continuous, responsive: spec.responsive, generalizes: spec.generalizes },
      testMacroByUser: { ...template.testMacroByUser, logLoss: spec.macroLogLoss },
      // Distinct histograms per strategy, so drawings of two strategies can be told apart.
      distribution: {
        ...template.distribution,
        counts: template.distribution.counts.map((_, bin) => (bin === i ? 10 : bin === 19 - i ? 5 : 0)),
      },
      test: { ...template.test, n: 15 },
    };
  });
  return { ...report, strategies };
}
