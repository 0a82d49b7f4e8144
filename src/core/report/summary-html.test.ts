import { beforeAll, describe, expect, it } from 'vitest';
import { histogramSvg, sharedShareMax } from './histogram-svg';
import { maskReport, userLabels } from './mask-ids';
import { recommendStrategy } from './recommend-strategy';
import type { Report } from './report-types';
import { comparison, realReport, sixStrategies, type StrategySpec } from './report.test-helper';
import { summaryHtml } from './summary-html';

const spec = (pass: boolean, macroLogLoss: number, label?: string): StrategySpec => ({
  continuous: pass,
  responsive: pass,
  generalizes: pass,
  macroLogLoss,
  label,
});
const EVIL = '<img src=x onerror="alert(1)">';

let report: Report;
beforeAll(async () => {
  const base = await realReport();
  const six = sixStrategies(base, [
    spec(false, 0.9),
    spec(false, 0.8),
    spec(true, 0.5, `3. ${EVIL} & friends`),
    spec(true, 0.4),
    spec(false, 0.3),
    spec(true, 0.45),
  ]);
  report = {
    ...six,
    // Weighted loss detectably better than the other two that pass: it is recommended.
    comparisons: [
      comparison('balanced-sampling', 'weighted-loss', 'userLogLoss', 0.1, 0.02, 0.2),
      comparison('per-user', 'weighted-loss', 'userLogLoss', 0.05, 0.01, 0.1),
    ],
    dataset: {
      ...six.dataset,
      users: [...six.dataset.users, { userId: '<b>boss</b>@corp', tasks: 1, share: 0.01 }],
    },
  };
});

const html = (r: Report, masked = false) =>
  summaryHtml({
    report: r,
    recommendation: recommendStrategy(r),
    generatedAt: '2026-03-04T05:06:07.000Z',
    masked,
  });

describe('summaryHtml', () => {
  it('is self-contained: no script, no external URL, no event handler markup', () => {
    const page = html(sixStrategies(report, [spec(false, 0.9), spec(true, 0.3)]));
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/https?:|url\(|\bsrc=|<link|<img|<iframe/i);
    expect(page).toContain('Content-Security-Policy');
    expect(page).toContain('<style>');
  });

  it('escapes every text: labels and user ids stay text', () => {
    const page = html(report);
    expect(page).not.toContain(EVIL);
    expect(page).toContain('3. &lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; friends');
    expect(page).toContain('&lt;b&gt;boss&lt;/b&gt;@corp');
    expect(page).not.toContain('<b>');
  });

  it('states the seed, the fingerprint, the generation time, the answer and the checks', () => {
    const page = html(report);
    expect(page).toContain(`Seed ${report.seed}`);
    expect(page).toContain(report.dataset.fingerprint);
    expect(page).toContain('Summary generated 2026-03-04T05:06:07.000Z');
    expect(page).toContain('Recommended: 4. Weighted loss');
    expect(page).toContain('It passes all three checks in its one seed; the bar is 80%.');
    expect(page).toContain('Per-user log loss (95 % interval)');
    expect(page).toContain(`Held-out tasks: ${report.split.testRows}.`);
    expect(page.match(/aria-label="passes"/g)).toHaveLength(9);
    expect(page.match(/aria-label="fails"/g)).toHaveLength(9);
    expect(page).toContain('Gives graded probabilities, not just 0\u00a0% or 100\u00a0%.');
    // Before (the full retrain) and after (the recommendation), each an inline SVG.
    expect(page.match(/<svg /g)).toHaveLength(2);
    expect(page).toContain('After (recommended): 4. Weighted loss');
    expect(page).toContain('Before: 1. Full retrain (no changes)');
  });

  it('shows no e-mail address when built from a masked report, and says ids are masked', () => {
    const masked = maskReport(report, userLabels(report.dataset.users.map((u) => u.userId)));
    const page = html(masked, true);
    expect(page).not.toContain('@');
    expect(page).toContain('User A');
    expect(page).toContain('user IDs masked');
  });

  it('calls a closest strategy closest, never recommended', () => {
    const none = sixStrategies(report, [spec(false, 0.9), spec(false, 0.3)]);
    const page = html(none);
    expect(page).toContain(
      'No strategy passes all three checks in 80% of seeds. Closest, and not told apart at this data size: 1. Full retrain (no changes) and 2. Full retrain (with fixes).',
    );
    expect(page).toContain('After (closest)');
    expect(page).not.toMatch(/recommended:/i);
  });

  it('shows pass rates over seeds and says when results mix runs', () => {
    const several = sixStrategies(report, [
      { ...spec(true, 0.4), seeds: 10, passAll: 0.9 },
      { ...spec(false, 0.3), seeds: 10 },
    ]);
    const mixed = {
      ...several,
      mixedRuns: { notes: ['These results come from 2 training runs that differ in seeds.'], runs: [] },
    };
    const page = html(mixed);
    expect(page).toContain('Seeds 5–14');
    expect(page).toContain('Share of the 10 seeds in which each check passes');
    expect(page).toContain('These results come from 2 training runs that differ in seeds.');
  });
});

describe('histogramSvg', () => {
  it('draws one bar per non-empty bin, scaled to the shared maximum', () => {
    const counts = Array.from({ length: 20 }, (_, i) => (i === 0 ? 30 : i === 10 ? 10 : 0));
    const yMax = sharedShareMax([{ counts, n: 40 }]);
    expect(yMax).toBe(0.8);
    const svg = histogramSvg({
      label: 'A <b>',
      counts,
      n: 40,
      yMax,
      color: '#123456',
      width: 240,
      height: 126,
    });
    const bars = [...svg.matchAll(/<rect [^>]*fill="#123456"\/>/g)].map((m) => m[0]);
    expect(bars).toHaveLength(2);
    const heights = bars.map((b) => Number(/height="([\d.]+)"/.exec(b)?.[1]));
    // 0.75 and 0.25 of the predictions: three to one.
    expect((heights[0] as number) / (heights[1] as number)).toBeCloseTo(3, 1);
    expect(svg).toContain('aria-label="Prediction distribution: A &lt;b&gt;"');
    expect(svg).not.toContain('<b>');
  });
});
