/**
 * The stakeholder summary as one self-contained HTML page: inline CSS and inline SVG histograms, no
 * script, no external URL, every text escaped. Built from the report as shown (masked when masking is
 * on) and its recommendation; states the seed, the dataset fingerprint and when it was generated.
 */
import { escapeHtml as e } from './escape-html';
import { histogramSvg, sharedShareMax } from './histogram-svg';
import { fixed, interval, percentText, seedsText } from './format-figures';
import {
  beforeAndAfter,
  CHECKS,
  MACRO_LOG_LOSS_NOTE,
  type Recommendation,
  type StrategyStanding,
} from './recommend-strategy';
import type { Report, ReportStrategyOk } from './report-types';

export interface SummaryHtmlInput {
  /** The report as shown: already masked when "Mask user IDs" is on. */
  report: Report;
  recommendation: Recommendation;
  /** When the summary was made, ISO-8601 (passed in so the function stays pure). */
  generatedAt: string;
  /** Whether user ids were masked: said on the page so readers know why they read "User A". */
  masked: boolean;
}

/** Okabe–Ito vermillion (the full retrain, the one to avoid) and blue (the strategy to compare). */
const BEFORE_COLOR = '#D55E00';
const AFTER_COLOR = '#0072B2';
const USERS_SHOWN = 8;

const STYLE = `
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1d2330;background:#fff;
margin:0 auto;max-width:960px;padding:1.5rem 2rem;line-height:1.45}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
.meta{color:#5b6475;font-size:.9rem;margin:0}code{word-break:break-all}
.answer{font-size:1.25rem;font-weight:600;margin:.25rem 0}
.answer--closest{color:#a4341f}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #dde1e8}
td.mark{text-align:center;font-size:1.6rem;font-weight:700;line-height:1}
.pass{color:#1f7a3a}.fail{color:#a4341f}
tr.chosen th,tr.chosen td{background:#e6edff}
.tag{margin-left:.5rem;font-size:.75rem;text-transform:uppercase;letter-spacing:.04em;color:#2f5bd3}
dl.checks dt{font-weight:600}dl.checks dd{margin:0 0 .5rem}
.figures{display:flex;flex-wrap:wrap;gap:1.5rem}figure{margin:0;flex:0 1 360px}figcaption{font-weight:600;font-size:.9rem}
.num{text-align:right;font-variant-numeric:tabular-nums}.note{color:#5b6475;font-size:.85rem}
td.rate{font-size:1rem}
`;

const percent = (share: number, digits = 1) => `${(share * 100).toFixed(digits)}%`;

function header(report: Report, generatedAt: string, masked: boolean): string {
  const d = report.dataset;
  return `<header>
<h1>Which retraining strategy to use</h1>
<p class="meta">Summary generated ${e(generatedAt)} from results of ${e(report.generatedAt)}.</p>
<p class="meta">Dataset ${e(d.fileName)}: ${e(d.rows)} tasks, ${e(d.users.length)} users · fingerprint <code>${e(d.fingerprint)}</code></p>
<p class="meta">${e(seedsText(report.seeds))} · backend ${e(report.backend)} · held out: each user's last ${e(percent(report.split.testShare, 0))} of tasks (${e(report.split.testRows)} tasks)${masked ? ' · user IDs masked' : ''}</p>
${report.mixedRuns ? report.mixedRuns.notes.map((n) => `<p class="meta">${e(n)}</p>`).join('\n') : ''}
</header>`;
}

function answer(rec: Recommendation): string {
  const kind = rec.kind === 'recommended' ? 'answer' : 'answer answer--closest';
  // The answer in plain words first; the figures behind it follow in the reasons.
  return `<section aria-labelledby="answer-h">
<h2 id="answer-h">The answer</h2>
<p class="${kind}">${e(rec.headline)}</p>
${rec.reasons.length > 0 ? `<ul>${rec.reasons.map((r) => `<li>${e(r)}</li>`).join('')}</ul>` : ''}
<p class="note">${e(MACRO_LOG_LOSS_NOTE)}</p>
</section>`;
}

/** A check's mark for one seed, or its pass rate over several. */
function checkCell(s: StrategyStanding, key: (typeof CHECKS)[number]['key']): string {
  if (s.seeds > 1) {
    const rate = s.passRate[key];
    const cls = rate === null ? '' : rate === 1 ? ' pass' : rate === 0 ? ' fail' : '';
    return `<td class="mark rate${cls}">${e(rate === null ? 'not enough data' : percentText(rate))}</td>`;
  }
  const state = s.checks[key];
  if (state === 'not enough data') return `<td class="mark rate">not enough data</td>`;
  return state === 'pass'
    ? `<td class="mark pass" aria-label="passes" title="passes">&#10003;</td>`
    : `<td class="mark fail" aria-label="fails" title="fails">&#10007;</td>`;
}

function checksTable(rec: Recommendation): string {
  const head = CHECKS.map((c) => `<th scope="col">${e(c.name)}</th>`).join('');
  const several = rec.seeds > 1;
  const rows = rec.standings
    .map((s) => {
      const marks = CHECKS.map((c) => checkCell(s, c.key)).join('');
      const u = s.userLogLoss;
      const loss = `${fixed(u.mean)}${u.lo !== null ? ` ${interval(u.lo, u.hi)}` : ''}`;
      const isChosen = rec.chosen?.id === s.id;
      const tag = isChosen
        ? `<span class="tag">${rec.kind === 'recommended' ? 'recommended' : 'closest'}</span>`
        : '';
      return `<tr${isChosen ? ' class="chosen"' : ''}><th scope="row">${e(s.label)}${tag}</th>${marks}<td class="num">${e(loss)}</td></tr>`;
    })
    .join('\n');
  const explained = CHECKS.map((c) => `<dt>${e(c.name)}</dt><dd>${e(c.sentence)}</dd>`).join('');
  const legend = several
    ? `Share of the ${e(rec.seeds)} seeds in which each check passes; recommended strategies need all three in ${e(percentText(rec.minPassRate))} of seeds`
    : '&#10003; passes · &#10007; fails';
  return `<section aria-labelledby="checks-h">
<h2 id="checks-h">The three checks</h2>
<table><caption class="note">${legend}</caption>
<thead><tr><th scope="col">Strategy</th>${head}<th scope="col" class="num">Per-user log loss (95 % interval)</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<p class="note">Held-out tasks: ${e(rec.heldOutRows)}.</p>
<dl class="checks">${explained}</dl>
</section>`;
}

function figure(entry: ReportStrategyOk, caption: string, yMax: number, color: string): string {
  const d = entry.distribution;
  const saturated = d.saturatedShare === null ? '–' : percent(d.saturatedShare);
  return `<figure>
<figcaption>${e(caption)}: ${e(entry.label)}</figcaption>
${histogramSvg({ label: entry.label, counts: d.counts, n: entry.test.n, yMax, color })}
<p class="note">Saturated (below 1 % or above 99 %): ${e(saturated)} · ${e(d.distinctPercent)} distinct whole-percent values · ${e(entry.test.n)} predictions</p>
</figure>`;
}

function histograms(report: Report, rec: Recommendation): string {
  const { before, after } = beforeAndAfter(report, rec);
  const shown = [before, after].filter((x): x is ReportStrategyOk => x !== undefined);
  if (shown.length === 0) return '';
  const yMax = sharedShareMax(shown.map((s) => ({ counts: s.distribution.counts, n: s.test.n })));
  const afterCaption = rec.kind === 'recommended' ? 'After (recommended)' : 'After (closest)';
  // A "no clear winner" or "none passes" answer still shows its closest strategy, named as such.
  return `<section aria-labelledby="hist-h">
<h2 id="hist-h">Predictions before and after</h2>
<p class="note">Share of held-out predictions per 5 % band, same scale in both. A model that has overfit piles its predictions at 0 % and 100 % (shaded); a healthy one spreads them.</p>
<div class="figures">
${before ? figure(before, 'Before', yMax, BEFORE_COLOR) : ''}
${after ? figure(after, afterCaption, yMax, AFTER_COLOR) : ''}
</div>
</section>`;
}

function users(report: Report): string {
  const list = report.dataset.users;
  const rows = list
    .slice(0, USERS_SHOWN)
    .map(
      (u) =>
        `<tr><th scope="row">${e(u.userId)}</th><td class="num">${e(u.tasks)}</td><td class="num">${e(percent(u.share))}</td></tr>`,
    )
    .join('\n');
  const more =
    list.length > USERS_SHOWN ? `<p class="note">… and ${e(list.length - USERS_SHOWN)} more users.</p>` : '';
  return `<section aria-labelledby="users-h">
<h2 id="users-h">Who the data comes from</h2>
<table><thead><tr><th scope="col">User</th><th scope="col" class="num">Tasks</th><th scope="col" class="num">Share</th></tr></thead>
<tbody>
${rows}
</tbody></table>
${more}
</section>`;
}

export function summaryHtml({ report, recommendation, generatedAt, masked }: SummaryHtmlInput): string {
  // The policy forbids scripts and every fetch, so even a pasted-in id could not make the page act.
  const csp = "default-src 'none'; style-src 'unsafe-inline'";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Retrain Lab summary, ${e(seedsText(report.seeds).toLowerCase())}</title>
<style>${STYLE}</style>
</head>
<body>
${header(report, generatedAt, masked)}
<main>
${answer(recommendation)}
${checksTable(recommendation)}
${histograms(report, recommendation)}
${users(report)}
</main>
</body>
</html>
`;
}
