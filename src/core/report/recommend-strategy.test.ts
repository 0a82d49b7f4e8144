import { CATALOGUE } from '../strategies/catalogue';
import { beforeAll, describe, expect, it } from 'vitest';
import { beforeAndAfter, recommendStrategy } from './recommend-strategy';
import type { Report } from './report-types';
import { realReport, sixStrategies, type StrategySpec } from './report.test-helper';

const spec = (checks: string, macroLogLoss: number | null): StrategySpec => ({
  continuous: checks[0] === '1',
  responsive: checks[1] === '1',
  generalizes: checks[2] === '1',
  macroLogLoss,
});

let base: Report;
beforeAll(async () => {
  base = await realReport();
});

describe('recommendStrategy', () => {
  it('recommends the strategy passing all three checks with the lowest per-user log loss', () => {
    const report = sixStrategies(base, [
      spec('000', 0.9),
      spec('110', 0.3),
      spec('111', 0.412),
      spec('111', 0.368),
      spec('111', 0.386),
      spec('101', 0.2),
    ]);
    const r = recommendStrategy(report);
    expect(r.kind).toBe('recommended');
    expect(r.choice?.id).toBe('weighted-loss');
    expect(r.passing.map((s) => s.id)).toEqual([2, 3, 4].map((i) => CATALOGUE[i]?.id));
    expect(r.headline).toBe('Recommended: 4. Weighted loss');
    expect(r.reasons[0]).toBe(
      'It passes all three checks and has the lowest per-user log loss (0.368 vs 0.386 for 5. Progressive training).',
    );
    expect(r.reasons[1]).toBe(
      'For comparison, 1. Full retrain (no changes) fails continuous, responsive and generalizes (per-user log loss 0.900).',
    );
    expect(r.standings.map((s) => s.passed)).toEqual([0, 2, 3, 3, 3, 2]);
  });

  it('says when only one strategy passes, and puts an unmeasured loss last', () => {
    const report = sixStrategies(base, [
      spec('100', 0.5),
      spec('111', null),
      spec('011', 0.3),
      spec('111', 0.45),
      spec('000', 0.2),
      spec('110', 0.1),
    ]);
    const two = recommendStrategy(report);
    expect(two.choice?.id).toBe('weighted-loss');
    expect(two.reasons[0]).toContain('(0.450 vs not measured for 2. Full retrain (with fixes))');

    const one = recommendStrategy(
      sixStrategies(base, [spec('100', 0.5), spec('111', 0.61), spec('011', 0.3)]),
    );
    expect(one.kind).toBe('recommended');
    expect(one.reasons[0]).toBe(
      'It is the only strategy that passes all three checks, with a per-user log loss of 0.610.',
    );
    expect(one.reasons[1]).toContain('1. Full retrain (no changes) fails responsive and generalizes');
  });

  it('names the closest strategy when none passes all three, and never calls it recommended', () => {
    const report = sixStrategies(base, [
      spec('000', 0.9),
      spec('110', 0.5),
      spec('011', 0.42),
      spec('100', 0.1),
      spec('101', 0.44),
      spec('001', 0.3),
    ]);
    const r = recommendStrategy(report);
    expect(r.kind).toBe('closest');
    expect(r.passing).toEqual([]);
    expect(r.choice?.id).toBe('balanced-sampling');
    expect(r.headline).toBe('No strategy passes all three checks. The closest is 3. Balanced sampling.');
    expect(r.reasons[0]).toBe(
      'It passes 2 of the 3 checks (responsive and generalizes) but fails continuous.',
    );
    expect(r.reasons[1]).toBe(
      'Of the strategies passing 2, it has the lowest per-user log loss (0.420 vs 0.440 for 5. Progressive training).',
    );
    expect([r.headline, ...r.reasons].join(' ')).not.toMatch(/recommend/i);
  });

  it('names a lone closest strategy and handles the full retrain being the closest', () => {
    const r = recommendStrategy(sixStrategies(base, [spec('110', 0.9), spec('100', 0.5), spec('000', 0.1)]));
    expect(r.choice?.id).toBe('full-retrain');
    expect(r.reasons).toEqual([
      'It passes 2 of the 3 checks (continuous and responsive) but fails generalizes.',
      'No other strategy passes as many checks; its per-user log loss is 0.900.',
      'Because it still fails generalizes, the overfitting is not fully cured: try other options before relying on it.',
    ]);
  });

  it('says so when nothing trained', () => {
    const failedOnly = { ...base, strategies: base.strategies.filter((s) => s.status === 'failed') };
    expect(recommendStrategy(failedOnly)).toMatchObject({
      kind: 'none',
      headline: 'No strategy finished training.',
    });
    expect(recommendStrategy({ ...base, strategies: [] }).headline).toBe('No strategy has been trained yet.');
  });
});

describe('beforeAndAfter', () => {
  it('pairs the full retrain with the choice, and drops the pair when the choice is the full retrain', () => {
    const report = sixStrategies(base, [spec('000', 0.9), spec('111', 0.5)]);
    const pair = beforeAndAfter(report, recommendStrategy(report));
    expect([pair.before?.id, pair.after?.id]).toEqual(['full-retrain', 'architecture-fixes']);
    const alone = sixStrategies(base, [spec('110', 0.9), spec('100', 0.5)]);
    const single = beforeAndAfter(alone, recommendStrategy(alone));
    expect([single.before?.id, single.after]).toEqual(['full-retrain', undefined]);
  });
});
