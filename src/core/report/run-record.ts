/**
 * A training run as the run history keeps it: when, on which data, with which settings, and each
 * strategy's headline numbers with their intervals — small enough to keep hundreds in the browser, built
 * from the run's report entries. Also what changed in the settings from one run to the next, in words.
 * Pure data and functions: no storage, no clock.
 */
import type { VerdictThresholds } from '../evaluation/verdicts';
import type { Metric, ReportStrategy } from './report-types';

/** A value with its 95 % interval (bounds null when not measured). */
export interface IntervalValue {
  value: Metric;
  lo: Metric;
  hi: Metric;
}

export interface RunStrategySummary {
  id: string;
  label: string;
  status: 'ok' | 'failed';
  /** Why it failed (failed only). */
  error?: string;
  trainMs: number;
  auc?: IntervalValue;
  logLoss?: IntervalValue;
  /** Per-user log loss (each user counts once; users with few held-out tasks pooled), mean over seeds. */
  userLogLoss?: Metric;
  timeMaeSeconds?: Metric;
  verdicts?: { continuous: boolean; responsive: boolean; generalizes: boolean };
}

export interface RunSettings {
  seed: number;
  /** The Backend control's choice (auto, wasm, …) and the backend that trained. */
  backend: string;
  backendUsed?: string;
  workers: string | number;
  /** The preset the options matched when the run started (absent: edited by hand). */
  preset?: string;
  thresholds: VerdictThresholds;
  /** Each trained strategy's options as requested. */
  options: Record<string, Record<string, unknown>>;
}

export interface RunRecord {
  id: string;
  name: string;
  /** ISO-8601. */
  startedAt: string;
  durationMs: number;
  /** complete: every requested strategy finished; partial: cancelled or failed part-way. */
  outcome: 'complete' | 'partial';
  /** Strategies asked for (finished or not), in order. */
  requested: string[];
  dataset: { fileName: string; fingerprint: string; rows: number; users: number };
  settings: RunSettings;
  strategies: RunStrategySummary[];
}

const withInterval = (value: Metric, lower: Metric, upper: Metric): IntervalValue => ({
  value,
  lo: lower,
  hi: upper,
});

/** The headline numbers of each finished strategy of a run. */
export function summarizeStrategies(entries: readonly ReportStrategy[]): RunStrategySummary[] {
  return entries.map((e) =>
    e.status === 'failed'
      ? { id: e.id, label: e.label, status: 'failed', error: e.error, trainMs: e.trainMs }
      : {
          id: e.id,
          label: e.label,
          status: 'ok',
          trainMs: e.trainMs,
          // Over every seed of the run: the mean and its 95 % interval (one seed: that seed's value).
          auc: withInterval(e.summary.auc.mean, e.summary.auc.lo, e.summary.auc.hi),
          logLoss: withInterval(e.summary.logLoss.mean, e.summary.logLoss.lo, e.summary.logLoss.hi),
          userLogLoss: e.summary.userLogLoss.mean,
          timeMaeSeconds: e.summary.timeMaeSeconds.mean,
          verdicts: { ...e.verdicts },
        },
  );
}

/** One setting that differs between two runs, in words: "seed 42 → 7". */
export interface SettingChange {
  /** What changed: "seed", "backend", or "<strategy label>: <option>". */
  what: string;
  from: string;
  to: string;
}

const show = (v: unknown): string => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

/**
 * The settings of `run` that differ from `previous` (the run before it): seed, backend, workers,
 * thresholds, the preset — or, when the preset is the same or one run's options were edited by hand,
 * every option of a strategy both runs trained. Strategies trained in only one of the two are named as
 * added or left out. `labelOf` names strategies and `optionOf` options (both default to their ids).
 */
export function settingChanges(
  previous: RunRecord | undefined,
  run: RunRecord,
  labelOf: (id: string) => string = (id) => id,
  optionOf: (key: string) => string = (key) => key,
): SettingChange[] {
  if (!previous) return [];
  const a = previous.settings;
  const b = run.settings;
  const changes: SettingChange[] = [];
  const compare = (what: string, from: unknown, to: unknown) => {
    if (show(from) !== show(to)) changes.push({ what, from: show(from), to: show(to) });
  };
  if (previous.dataset.fingerprint !== run.dataset.fingerprint)
    compare('data', previous.dataset.fileName, run.dataset.fileName);
  compare('seed', a.seed, b.seed);
  compare('backend', a.backend, b.backend);
  compare('training workers', a.workers, b.workers);
  // Two presets: the preset says it all (its options differ by construction).
  const byPreset = a.preset !== undefined && b.preset !== undefined && a.preset !== b.preset;
  if (byPreset) compare('preset', a.preset, b.preset);
  for (const key of Object.keys(b.thresholds) as (keyof VerdictThresholds)[])
    compare(`threshold ${key}`, a.thresholds[key], b.thresholds[key]);
  const before = new Set(Object.keys(a.options));
  for (const [id, options] of Object.entries(b.options)) {
    const old = a.options[id];
    if (!old) {
      changes.push({ what: labelOf(id), from: 'not trained', to: 'trained' });
      continue;
    }
    if (byPreset) continue;
    for (const key of new Set([...Object.keys(old), ...Object.keys(options)]))
      compare(`${labelOf(id)}: ${optionOf(key)}`, old[key], options[key]);
  }
  for (const id of before)
    if (!(id in b.options)) changes.push({ what: labelOf(id), from: 'trained', to: 'not trained' });
  return changes;
}

/** "Run 4": the next free number among the runs kept. */
export function nextRunName(runs: readonly Pick<RunRecord, 'name'>[]): string {
  const used = runs.map((r) => /^Run (\d+)$/.exec(r.name)?.[1]).filter((n): n is string => n !== undefined);
  const max = Math.max(0, ...used.map(Number), runs.length);
  return `Run ${max + 1}`;
}

/** One strategy in two runs, side by side (either side absent when that run did not train it). */
export interface PairedStrategy {
  id: string;
  label: string;
  a?: RunStrategySummary;
  b?: RunStrategySummary;
}

/** The strategies of two runs, paired by id, in A's order then B's new ones. */
export function pairStrategies(a: RunRecord, b: RunRecord): PairedStrategy[] {
  const ids = [...new Set([...a.strategies.map((s) => s.id), ...b.strategies.map((s) => s.id)])];
  return ids.map((id) => {
    const left = a.strategies.find((s) => s.id === id);
    const right = b.strategies.find((s) => s.id === id);
    return { id, label: (left ?? right)?.label ?? id, a: left, b: right };
  });
}

/** B − A, or null when either is missing. */
export function change(a: Metric | undefined, b: Metric | undefined): Metric {
  return a === null || a === undefined || b === null || b === undefined ? null : b - a;
}
