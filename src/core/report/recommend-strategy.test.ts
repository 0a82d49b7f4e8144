import { beforeAll, describe, expect, it } from 'vitest';
import { beforeAndAfter, recommendStrategy } from './recommend-strategy';
import { CHECKED_FIT_ROWS } from './budget-text';
import type { Report } from './report-types';
import { comparison, realReport, sixStrategies, type StrategySpec } from './report.test-helper';

const spec = (
  checks: string,
  macroLogLoss: number | null,
  extra: Partial<StrategySpec> = {},
): StrategySpec => ({
  continuous: checks[0] === '1',
  responsive: checks[1] === '1',
  generalizes: checks[2] === '1',
  macroLogLoss,
  seeds: 10,
  ...extra,
});

let base: Report;
beforeAll(async () => {
  base = await realReport();
});

const withComparisons = (report: Report, comparisons: Report['comparisons']): Report => ({
  ...report,
  comparisons,
});

describe('recommendStrategy (version 2)', () => {
  it('recommends the one strategy passing in ≥ 80 % of seeds that no other passing strategy beats', () => {
    const report = withComparisons(
      sixStrategies(base, [
        spec('000', 0.9),
        spec('110', 0.3),
        spec('111', 0.412),
        spec('111', 0.368),
        spec('111', 0.386, { passAll: 0.7 }),
        spec('101', 0.2),
      ]),
      [
        comparison('balanced-sampling', 'weighted-loss', 'userLogLoss', 0.044, 0.01, 0.08),
        comparison('weighted-loss', 'balanced-sampling', 'userLogLoss', -0.044, -0.08, -0.01),
        comparison('weighted-loss', 'constant-rate', 'userLogLoss', -0.05, -0.09, -0.01),
      ],
    );
    const r = recommendStrategy(report);
    expect(r.kind).toBe('recommended');
    expect(r.choice).toBe('weighted-loss');
    // Progressive passes all three in only 70 % of seeds: not a candidate.
    expect(r.candidates).toEqual(['balanced-sampling', 'weighted-loss']);
    expect(r.headline).toBe('Recommended: 4. Weighted loss');
    expect(r.reasons[0]).toBe('It passes all three checks in 10 of 10 seeds (100%); the bar is 80%.');
    expect(r.reasons.join(' ')).toContain(
      'Against the constant rate, its per-user log loss differs by −0.050',
    );
    expect(r.minimumDetectableDifference).toBeGreaterThan(0);
  });

  it('says "no clear winner" with the detectable difference and held-out size when candidates cannot be told apart', () => {
    const report = withComparisons(
      sixStrategies(base, [spec('111', 0.41), spec('111', 0.4), spec('000', 0.3)]),
      [
        comparison('full-retrain', 'architecture-fixes', 'userLogLoss', 0.01, -0.03, 0.05),
        comparison('architecture-fixes', 'full-retrain', 'userLogLoss', -0.01, -0.05, 0.03),
      ],
    );
    const r = recommendStrategy(report);
    expect(r.kind).toBe('no clear winner');
    expect(r.choice).toBeNull();
    expect(r.closest).toBe('architecture-fixes');
    expect(r.headline).toBe(
      'No clear winner between 1. Full retrain (no changes) and 2. Full retrain (with fixes) at this data size.',
    );
    const size = r.reasons.at(-1) as string;
    expect(size).toContain(`Measured on ${report.split.testRows} held-out tasks`);
    expect(size).toMatch(/smaller than about 0\.\d{3} cannot be detected/);
  });

  it('never recommends a strategy worse than the constant rate', () => {
    const report = withComparisons(sixStrategies(base, [spec('111', 0.9), spec('111', 0.5)]), [
      comparison('architecture-fixes', 'constant-rate', 'logLoss', 0.05, 0.01, 0.09),
      comparison('full-retrain', 'constant-rate', 'userLogLoss', 0.2, 0.1, 0.3),
    ]);
    const r = recommendStrategy(report);
    expect(r.candidates).toEqual([]);
    expect(r.kind).toBe('none passes');
    expect(r.choice).toBeNull();
    expect(r.closest).toBeNull();
    expect(r.headline).toBe('No strategy can be recommended: every one is worse than the constant rate.');
  });

  it('names the closest strategy when none passes often enough, and never calls it recommended', () => {
    const six = sixStrategies(base, [
      spec('000', 0.9),
      spec('110', 0.5, { passAll: 0.6 }),
      spec('011', 0.42, { passAll: 0.6 }),
      spec('100', 0.1),
    ]);
    // Two checks at the bar for strategies 2 and 3; they cannot be told apart without a comparison.
    const group = recommendStrategy(six);
    expect(group.kind).toBe('none passes');
    expect(group.closest).toBe('balanced-sampling');
    expect(group.headline).toBe(
      'No strategy passes all three checks in 80% of seeds. Closest, and not told apart at this data size: 2. Full retrain (with fixes) and 3. Balanced sampling.',
    );
    const report = withComparisons(six, [
      comparison('architecture-fixes', 'balanced-sampling', 'userLogLoss', 0.08, 0.02, 0.14),
    ]);
    const r = recommendStrategy(report);
    expect(r.kind).toBe('none passes');
    expect(r.choice).toBeNull();
    expect(r.closest).toBe('balanced-sampling');
    expect(r.headline).toBe(
      'No strategy passes all three checks in 80% of seeds. The closest is 3. Balanced sampling.',
    );
    expect([r.headline, ...r.reasons].join(' ')).not.toMatch(/recommended:/i);
  });

  it('follows an edited pass-rate threshold', () => {
    const report = sixStrategies(base, [spec('111', 0.4, { passAll: 0.6 })]);
    expect(recommendStrategy(report).kind).toBe('none passes');
    const lenient = { ...report, thresholds: { ...report.thresholds, minPassRate: 0.5 } };
    expect(recommendStrategy(lenient)).toMatchObject({ kind: 'recommended', choice: 'full-retrain' });
  });

  it('makes no pick with fewer than 2 held-out rows (issue 20 item 13)', () => {
    const report = sixStrategies(base, [spec('111', 0.4)]);
    const tiny = { ...report, split: { ...report.split, testRows: 1 } };
    expect(recommendStrategy(tiny)).toMatchObject({ kind: 'not enough data', choice: null, closest: null });
  });

  it('says so when nothing trained', () => {
    const failedOnly = { ...base, strategies: base.strategies.filter((s) => s.status === 'failed') };
    expect(recommendStrategy(failedOnly)).toMatchObject({
      kind: 'nothing trained',
      headline: 'No strategy finished training.',
    });
    expect(recommendStrategy({ ...base, strategies: [] }).headline).toBe('No strategy has been trained yet.');
  });

  it('is what the built report carries', () => {
    expect(base.recommendation.headline).toBe(recommendStrategy(base).headline);
  });
});

describe('beforeAndAfter', () => {
  it('pairs the full retrain with the choice, and drops the pair when the choice is the full retrain', () => {
    const report = sixStrategies(base, [spec('000', 0.9), spec('111', 0.5)]);
    const pair = beforeAndAfter(report, recommendStrategy(report));
    expect([pair.before?.id, pair.after?.id]).toEqual(['full-retrain', 'architecture-fixes']);
    const alone = sixStrategies(base, [spec('111', 0.4), spec('100', 0.5)]);
    const single = beforeAndAfter(alone, recommendStrategy(alone));
    expect([single.before?.id, single.after]).toEqual(['full-retrain', undefined]);
  });
});

describe('the training budget in the reasons', () => {
  const budgetLine = (r: Report) => recommendStrategy(r).reasons.find((t) => t.startsWith('Trained at'));
  /** The report with its first strategy's first phase on `fitRows` rows for `epochsRun` epochs. */
  const cut = (report: Report, fitRows: number, epochsRun: number, stepsPerEpoch: number): Report => ({
    ...report,
    strategies: report.strategies.map((e, i) =>
      i !== 0 || e.status !== 'ok'
        ? e
        : {
            ...e,
            options: { ...e.options, stepsPerEpoch },
            phases: e.phases.map((p, j) => (j === 0 ? { ...p, fitRows, epochsRun } : p)),
          },
    ),
  });

  it('says when a Lab default phase had more rows than the budget was checked on, and only then', () => {
    const report = sixStrategies(base, [spec('111', 0.4), spec('111', 0.41)]);
    // The sample: every phase is under 4,000 rows, nothing was cut.
    expect(budgetLine(report)).toBeUndefined();
    expect(budgetLine(cut(report, 650_000, 2, 125))).toBe(
      "Trained at a cut budget: a phase visits at most its epochs × 20,000 rows (more at a lower learning rate; × 4,000 without a user embedding). The Lab default's was checked against training every epoch (both with early stopping) on up to 110,892 training rows (within 1\u00a0% per-user log loss); here a phase has up to 650,000 rows and makes as few as 2 passes over them, so longer training may move per-user log loss by a few percent and reorder close strategies. To confirm a close call, use the Design note preset (every epoch: many times slower on a file this big).",
    );
    expect(budgetLine(cut(report, 140_000, 1, 125))).toContain('as few as 1 pass over them');
    // EdNet's phases themselves (110,892 rows, 9 epochs) are what the budget was checked on.
    expect(budgetLine(cut(report, CHECKED_FIT_ROWS, 9, 125))).toBeUndefined();
    // The Design note preset (no batch scaling) trains every epoch at any size.
    expect(budgetLine(cut(report, 650_000, 50, 0))).toBeUndefined();
  });
});
