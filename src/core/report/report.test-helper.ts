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
import { scoredRows } from '../evaluation/counted-run';
import { buildReport } from './build-report';
import type { Report, ReportComparison, ReportStrategy, ReportStrategyOk } from './report-types';

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
    rows: scoredRows(tasks, split.testIndices),
    seeds: [5],
    resamples: 40,
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
  /** Mean per-user log loss over seeds (and the first seed's macro log loss). */
  macroLogLoss: number | null;
  label?: string;
  /** Share of seeds passing all three; default 1 when all three pass, else 0. */
  passAll?: number;
  /** Seeds of the entry; default 1. */
  seeds?: number;
}

/** The report with the six strategies in catalogue order, copies of its trained entry set to `specs`. */
export function sixStrategies(report: Report, specs: readonly StrategySpec[]): Report {
  const template = report.strategies.find((s): s is ReportStrategyOk => s.status === 'ok');
  if (!template) throw new Error('the report has no trained strategy');
  const strategies: ReportStrategy[] = specs.map((spec, i) => {
    const preset = CATALOGUE[i];
    if (!preset) throw new Error(`the catalogue has no strategy ${i + 1}`);
    const state = (pass: boolean) => (pass ? ('pass' as const) : ('fail' as const));
    const all = spec.continuous && spec.responsive && spec.generalizes;
    const seeds = Array.from({ length: spec.seeds ?? 1 }, (_, k) => template.seed + k);
    return {
      ...template,
      id: preset.id,
      label: spec.label ?? preset.label,
      seeds,
      verdicts: { continuous: spec.continuous, responsive: spec.responsive, generalizes: spec.generalizes },
      checks: {
        continuous: state(spec.continuous),
        responsive: state(spec.responsive),
        generalizes: state(spec.generalizes),
      },
      summary: {
        ...template.summary,
        seeds: seeds.length,
        userLogLoss: { mean: spec.macroLogLoss, sd: null, lo: null, hi: null },
        passRate: {
          continuous: spec.continuous ? 1 : 0,
          responsive: spec.responsive ? 1 : 0,
          generalizes: spec.generalizes ? 1 : 0,
          all: spec.passAll ?? (all ? 1 : 0),
        },
      },
      testMacroByUser: { ...template.testMacroByUser, logLoss: spec.macroLogLoss },
      // Distinct histograms per strategy, so drawings of two strategies can be told apart.
      distribution: {
        ...template.distribution,
        counts: template.distribution.counts.map((_, bin) => (bin === i ? 10 : bin === 19 - i ? 5 : 0)),
      },
      test: { ...template.test, n: 15 },
    };
  });
  // Comparisons as given by `withComparisons`; none by default.
  return { ...report, strategies, comparisons: [], seeds: strategies[0]?.seeds ?? report.seeds };
}

/** A comparison entry for tests: strategy − against on one metric with its interval. */
export function comparison(
  strategy: string,
  against: string,
  metric: ReportComparison['metric'],
  difference: number,
  lo: number,
  hi: number,
): ReportComparison {
  const higher = metric === 'auc';
  const verdict = (higher ? lo > 0 : hi < 0)
    ? 'better'
    : (higher ? hi < 0 : lo > 0)
      ? 'worse'
      : 'no detectable difference';
  const se = (hi - lo) / 3.92;
  return {
    strategy,
    against,
    metric,
    difference,
    lo,
    hi,
    verdict,
    se,
    minimumDetectableDifference: 2.8 * se,
    pairedSeeds: true,
    heldOutRows: 40,
  };
}
