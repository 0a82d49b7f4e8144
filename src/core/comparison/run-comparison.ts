/**
 * The one orchestration the CLI and the browser worker share: split once, train and evaluate each selected
 * strategy once per seed (seed, seed + 1, … for `repeats` seeds) — one after another in catalogue order,
 * or side by side in lanes (helper workers) — hand each strategy's entry over as its seeds finish, and
 * build the report (schema version 2, catalogue order either way: runs, summaries, paired comparisons,
 * recommendation). Only the first seed's models are kept (for export); every other one is disposed once
 * evaluated.
 * Pure core (tfjs only through the strategies); no DOM, no Node-only modules.
 */
import { resolveThresholds, type HeldOutPrediction } from '../evaluation/evaluate-strategy';
import type { PredictorReplicates } from '../evaluation/repeated-bootstrap';
import { evaluateTruth } from '../evaluation/evaluate-truth';
import { scoreBaseline, scoreRecorded } from '../evaluation/held-out-scores';
import { resolveChoices, type StrategyChoice, type StrategySpec } from '../strategies/strategy-spec';
import {
  DEFAULT_VALIDATION,
  type ProgressEvent,
  type StrategyId,
  type TrainedStrategy,
  type ValidationOptions,
} from '../strategies/types';
import { buildFrame, seedEntry } from '../report/build-report';
import { compareStrategies } from '../report/compare-strategies';
import { completeReport } from '../report/compose-report';
import { repeatedEntry } from '../report/repeated-entry';
import type { ReportStrategy } from '../report/report-types';
import type { RunSettings, SeedResult } from '../report/seed-result';
import type {
  ComparisonRequest,
  ComparisonResult,
  SeedProgress,
  StrategyPredictions,
} from './comparison-request';
import { evaluationSetup, heldOutOf, seedsOf } from './evaluation-setup';
import { drainInLanes, LaneLostError, longestFirst, type StrategyLane } from './strategy-lanes';
import { trainAndEvaluate } from './train-and-evaluate';
import { checkpoint, yieldTask } from '../training/loop/yield-task';

interface Job {
  strategy: StrategySpec;
  seed: number;
  seedIndex: number;
}

/**
 * Train and evaluate the selected strategies on every seed; see ComparisonRequest. A job that throws (not
 * an abort) makes its strategy a `status: 'failed'` entry (its remaining seeds are skipped) and the rest
 * continue. On abort the promise rejects with the signal's reason; models already handed over through
 * onStrategyDone stay the caller's, any other trained model is disposed here first.
 * @throws RangeError for an unknown strategy id, an invalid own recipe or a bad repeats count (before
 * anything trains).
 */
export async function runComparison(request: ComparisonRequest): Promise<ComparisonResult> {
  const { dataset, seed, signal } = request;
  const tasks = dataset.tasks;
  const seeds = seedsOf(seed, request.repeats);
  const repeats = seeds.length;
  const resolved = resolveChoices(request.strategies);
  const selected = resolved.map((r) => r.spec);
  const choiceOf = new Map(resolved.map((r) => [r.spec.id, r.choice]));
  const thresholds = resolveThresholds(request.thresholds);
  const validation: ValidationOptions = { ...DEFAULT_VALIDATION, ...request.validation };
  const startedAt = (request.now?.() ?? new Date()).toISOString();

  const { split, evalData } = evaluationSetup(tasks, {
    seed,
    thresholds,
    resamples: request.resamples,
    signal,
  });
  const { rows } = heldOutOf(tasks);
  const scoreOptions = { seed, resamples: request.resamples };
  const settings: RunSettings = {
    backend: request.backend,
    trainedAt: startedAt,
    thresholds,
    validation: { mode: validation.mode, share: validation.share },
  };
  // Everything but the strategies, handed out before any strategy (a run cancelled after its first
  // strategy still yields a complete report of what finished). Built while the lanes already train: on a
  // big file scoring the reference rows takes seconds the helpers need not wait for.
  const buildRunFrame = async () => {
    // Each piece takes up to a few hundred ms on a big file: between them a Cancel gets through.
    const baseline = scoreBaseline(tasks, split.trainIndices, split.testIndices, scoreOptions);
    await checkpoint(runSignal);
    const recorded = scoreRecorded(tasks, split.testIndices, scoreOptions);
    await checkpoint(runSignal);
    return buildFrame({
      summary: request.summary,
      split,
      rows,
      baseline,
      recorded,
      truth: await evaluateTruth(
        {
          fingerprint: request.summary.fingerprint,
          rows: request.summary.rows,
          users: request.summary.users.length,
          hasTrueP: request.summary.hasTrueP,
        },
        evalData,
      ),
      seeds,
      backend: request.backend,
      thresholds,
      validation: { mode: validation.mode, share: validation.share },
      resamples: request.resamples,
      generatedAt: startedAt,
    });
  };
  let frameError: { error: unknown } | undefined;
  let frameSettled = () => {};
  const frameReady = new Promise<void>((resolve) => (frameSettled = resolve));
  // Stops the lanes when the frame cannot be built (a bug, not bad data: the data was checked on import).
  const stop = new AbortController();
  const runSignal = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;

  const results = new Map<StrategyId, SeedResult[]>();
  const latest = new Map<StrategyId, ReportStrategy>();
  // Each complete strategy's summary draws: the comparisons reuse them (pairedBootstrapSeed).
  const replicates = new Map<StrategyId, PredictorReplicates>();
  const failed = new Set<StrategyId>();
  const trained = new Map<StrategyId, TrainedStrategy>();
  const handedOver = new Set<TrainedStrategy>();
  const progressOf = (job: Job) => (event: ProgressEvent) =>
    request.onProgress?.({ ...event, seed: job.seed, seedIndex: job.seedIndex, repeats });

  const recordNow = (job: Job, result: SeedResult, model?: TrainedStrategy, lane?: StrategyLane) => {
    const id = job.strategy.id;
    const list = results.get(id) ?? [];
    list[job.seedIndex] = result;
    results.set(id, list);
    if (result.entry.status === 'failed') failed.add(id);
    const done = list.filter((r): r is SeedResult => r !== undefined);
    const complete = failed.has(id) || done.length === repeats;
    // Intervals once the strategy's seeds are all in (the end of the run, or completeEntry after a cancel).
    const entry = repeatedEntry(done, settings, rows, request.resamples, complete, (part) =>
      replicates.set(id, part),
    );
    latest.set(id, entry);
    if (entry.status === 'failed') {
      // The entry no longer stands for a working strategy: its first seed's model goes too.
      const first = trained.get(id);
      if (first && !handedOver.has(first)) first.dispose();
      trained.delete(id);
    }
    const progress: SeedProgress = {
      seed: job.seed,
      seedIndex: job.seedIndex,
      repeats,
      seedsDone: done.length,
      complete,
      heldOut: result.heldOut,
      replicates: complete ? replicates.get(id) : undefined,
    };
    if (model && request.onStrategyDone) handedOver.add(model);
    // A throwing callback is the caller's bug, not a failure of the strategy.
    request.onStrategyDone?.(entry, model, lane, progress);
  };

  /** Records once the frame is out, so the caller always has the frame before a strategy's entry. */
  const record = async (...args: Parameters<typeof recordNow>) => {
    await frameReady;
    if (frameError) throw frameError.error;
    // A macrotask between a strategy's evaluation and its summary bootstrap: a Cancel gets through.
    await yieldTask();
    recordNow(...args);
  };

  /** Only the first seed's model is kept, and none when the caller keeps none (a sweep). */
  const keeps = (job: Job) => request.keepModels !== false && job.seedIndex === 0;
  const trainHere = async (job: Job) => {
    await checkpoint(runSignal);
    const { strategy } = job;
    if (failed.has(strategy.id)) return;
    await request.beforeStrategy?.(strategy.id);
    const outcome = await trainAndEvaluate(strategy, {
      tasks,
      trainIndices: split.trainIndices,
      evalData: { ...evalData, seed: job.seed },
      seed: job.seed,
      validation,
      signal: runSignal,
      onProgress: progressOf(job),
      fault: request.deviceFault?.(),
    });
    if (outcome.kind === 'failed') return record(job, { seed: job.seed, entry: outcome.entry });
    const keep = keeps(job);
    if (keep) trained.set(strategy.id, outcome.model);
    else outcome.model.dispose();
    const result = { seed: job.seed, entry: seedEntry(outcome.entry, rows), heldOut: outcome.entry.heldOut };
    await record(job, result, keep ? outcome.model : undefined);
  };
  const trainIn = (lane: StrategyLane) => async (job: Job) => {
    runSignal.throwIfAborted();
    const { strategy } = job;
    if (failed.has(strategy.id)) return;
    const output = await lane
      .run(
        {
          strategy: choiceOf.get(strategy.id) as StrategyChoice,
          seed: job.seed,
          keep: keeps(job),
          backend: request.backend,
          thresholds,
          validation,
          resamples: request.resamples,
        },
        { signal: runSignal, onProgress: progressOf(job) },
      )
      .catch((error: unknown) => {
        if (error instanceof LaneLostError) request.onLaneLost?.(lane, strategy.id, error.message);
        throw error;
      });
    // Recorded on this thread in the background: the helper takes its next strategy at once instead of
    // idling while this thread, busy training its own, gets round to the summary (0.2–0.5 s a strategy
    // on EdNet).
    const recorded = record(job, { seed: job.seed, ...output }, undefined, keeps(job) ? lane : undefined);
    recorded.catch(() => {});
    laneRecords.push(recorded);
  };
  const laneRecords: Promise<void>[] = [];
  const lanes = request.lanes ?? [];
  const order = lanes.length > 0 ? longestFirst(selected) : selected;
  const jobs: Job[] = seeds.flatMap((s, seedIndex) =>
    order.map((strategy) => ({ strategy, seed: s, seedIndex })),
  );
  const lanesDone = drainInLanes(jobs, [trainHere, ...lanes.map(trainIn)]);
  // Awaited below, after the frame: a lane failing (or a Cancel) meanwhile is not an unhandled rejection.
  lanesDone.catch(() => {});
  let frame: Awaited<ReturnType<typeof buildRunFrame>> | undefined;
  try {
    frame = await buildRunFrame();
    request.onFrame?.(frame);
  } catch (error) {
    frameError = { error };
    stop.abort(error);
  }
  frameSettled();
  try {
    await lanesDone;
    await Promise.all(laneRecords);
    if (frameError || !frame) throw frameError?.error;
  } catch (error) {
    // Whatever a lane finished is recorded before the run ends, cancelled or not.
    await Promise.allSettled(laneRecords);
    for (const model of trained.values()) if (!handedOver.has(model)) model.dispose();
    throw error;
  }

  const entries: ReportStrategy[] = [];
  const predictions = new Map<StrategyId, StrategyPredictions>();
  for (const strategy of selected) {
    const done = (results.get(strategy.id) ?? []).filter((r): r is SeedResult => r !== undefined);
    if (done.length === 0) continue;
    const entry = latest.get(strategy.id) ?? repeatedEntry(done, settings, rows, request.resamples);
    entries.push(entry);
    if (entry.status === 'ok')
      predictions.set(strategy.id, {
        seeds: done.map((r) => r.seed),
        heldOut: done.map((r) => r.heldOut as HeldOutPrediction),
        replicates: replicates.get(strategy.id),
      });
  }
  const comparisons =
    request.compare === false
      ? []
      : compareStrategies(
          rows,
          [...predictions].map(([id, p]) => ({ id, ...p })),
          frame.baseline,
          { seed, resamples: request.resamples },
        );
  const report = completeReport(
    { ...frame, generatedAt: (request.now?.() ?? new Date()).toISOString() },
    entries,
    comparisons,
  );
  return { report, trained, predictions, testIndices: split.testIndices };
}
