/**
 * Keeps the lab's session in the browser and brings it back: the imported file, the settings and the
 * results are written as they change (each part on its own), and on start the last session is restored
 * — with a visible note — or the sample is loaded. Stored parts carry a schema version; a part this
 * version cannot read is skipped with a reason, never trusted. Trained models are not part of it.
 */
import type { StoreApi } from 'zustand/vanilla';
import { composeReport, frameOf } from '../core/report/compose-report';
import { validateReport } from '../core/report/report-schema';
import { sweepSchema } from '../core/sweep/sweep-schema';
import type { ReadSession, SessionStorage } from '../platform/session-store';
import type { LabState } from './create-lab-store';
import { checkOwnStrategy, type OwnStrategy } from './own-strategies';
import {
  datasetSchema,
  resultsSchema,
  SESSION_SCHEMA_VERSION,
  settingsSchema,
  sweepPartSchema,
} from './session-parts';

const WRITE_DELAY_MS = 400;

export interface PersistenceOptions {
  /** The page was opened from a settings link: the link's settings win over the stored ones. */
  linkHasSettings: boolean;
}

/** Restore the last session (or load the sample), then keep writing the session as it changes. */
export async function startPersistence(
  store: StoreApi<LabState>,
  storage: SessionStorage,
  options: PersistenceOptions,
): Promise<void> {
  let outcome: Restored = { restored: [], skipped: [], datasetStored: false, from: 'none' };
  try {
    outcome = await restore(store, storage, options);
  } catch (error) {
    outcome.skipped = [`the saved session could not be read (${(error as Error).message})`];
  }
  if (store.getState().summary === undefined) await store.getState().loadSample();
  store.setState({ sessionNote: sessionNote(outcome) });
  keepWriting(store, storage, {
    datasetStored: outcome.datasetStored && outcome.from === 'this-tab',
    adopted: outcome.from === 'open-tab' || outcome.from === 'last-visit',
  });
}

interface Restored {
  restored: string[];
  skipped: string[];
  /** The dataset loaded now is the one stored (no need to write it again). */
  datasetStored: boolean;
  from: ReadSession['from'];
}

/** The note: what came back and from where, and each part that did not, with the reason. */
function sessionNote({ restored, skipped, from }: Restored): string | undefined {
  if (restored.length === 0 && skipped.length === 0) return undefined;
  const source =
    from === 'open-tab'
      ? 'Restored from the session of another open tab of the lab (this tab keeps its own from now on)'
      : 'Restored from your last session';
  return [
    restored.length > 0 ? `${source}: ${restored.join(', ')}.` : '',
    skipped.length > 0 ? `Not restored: ${skipped.join('; ')}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

async function restore(
  store: StoreApi<LabState>,
  storage: SessionStorage,
  options: PersistenceOptions,
): Promise<Restored> {
  const { parts: saved, from } = await storage.read();
  const restored: string[] = [];
  const skipped: string[] = [];
  const state = () => store.getState();

  const settings = saved.settings && settingsSchema.safeParse(saved.settings.value);
  if (settings && !settings.success) skipped.push('settings (stored in an unknown format)');
  else if (settings?.success && options.linkHasSettings) skipped.push('settings (the link’s settings apply)');
  else if (settings?.success) {
    const s = settings.data;
    state().setSeed(s.seed);
    state().setRepeats(s.repeats);
    state().setBackend(s.backend);
    state().setWorkers(s.workers);
    state().setMaskIds(s.maskIds);
    for (const [key, value] of Object.entries(s.thresholds))
      if (key in state().thresholds) state().setThreshold(key as keyof LabState['thresholds'], value);
    whenCatalog(store, () => state().restoreStrategies(s.strategies));
    const own: OwnStrategy[] = [];
    for (const candidate of s.ownStrategies) {
      const checked = checkOwnStrategy(candidate as OwnStrategy, own);
      if (checked.ok) own.push(checked.value);
      else skipped.push(`your strategy "${candidate.label}" (${checked.reason})`);
    }
    state().restoreOwnStrategies(own);
    const ownNote =
      own.length === 0 ? '' : `, ${own.length} own ${own.length === 1 ? 'strategy' : 'strategies'}`;
    restored.push(`settings (seed ${s.seed}${ownNote})`);
  }

  let datasetStored = false;
  const dataset = saved.dataset && datasetSchema.safeParse(saved.dataset.value);
  if (dataset?.success) {
    const { fileName, file } = dataset.data;
    await state().importFile(new File([file], fileName));
    if (state().summary) {
      restored.push(fileName);
      datasetStored = true;
    } else skipped.push(`${fileName} (${state().importError ?? 'it could not be imported again'})`);
  } else if (dataset) skipped.push('the dataset (stored in an unknown format)');
  // Results are matched against the dataset loaded now — the restored file, or the sample of a first visit.
  if (state().summary === undefined) await state().loadSample();

  // null: the session had no results (a new dataset had cleared them).
  const storedResults = saved.results?.value ?? undefined;
  const results = storedResults === undefined ? undefined : resultsSchema.safeParse(storedResults);
  const fingerprint = state().summary?.fingerprint;
  if (results?.success && fingerprint === results.data.fingerprint) {
    const checked = validateReport(results.data.report);
    if (checked.ok) {
      store.setState({
        reportFrame: frameOf(checked.report),
        results: Object.fromEntries(checked.report.strategies.map((s) => [s.id, s])),
        // The comparisons stored with the report, valid for the entries they were computed on.
        comparisons: {
          comparisons: checked.report.comparisons,
          basis: Object.fromEntries(checked.report.strategies.map((s) => [s.id, s.trainedAt])),
        },
        backendDecision: results.data.backendDecision as LabState['backendDecision'],
      });
      restored.push(
        `results of ${checked.report.strategies.length} ${checked.report.strategies.length === 1 ? 'strategy' : 'strategies'} (models are not kept: train again or use Save to browser)`,
      );
    } else skipped.push(`results (${checked.reason})`);
  } else if (results?.success)
    skipped.push(
      `results of an earlier run (they belong to dataset ${results.data.fingerprint.replace(/^sha256:/, '').slice(0, 12)}…, not to the one loaded)`,
    );
  else if (results) skipped.push('results (stored in an unknown format)');
  restoreSweep(store, saved.sweep?.value ?? undefined, restored, skipped);
  return { restored, skipped, datasetStored, from };
}

/** The last sweep, when it was made on the dataset loaded now (like the results). */
function restoreSweep(
  store: StoreApi<LabState>,
  stored: unknown,
  restored: string[],
  skipped: string[],
): void {
  if (stored === undefined) return;
  const part = sweepPartSchema.safeParse(stored);
  if (!part.success) return void skipped.push('the last sweep (stored in an unknown format)');
  if (part.data.fingerprint !== store.getState().summary?.fingerprint)
    return void skipped.push('the last sweep (it was made on another dataset)');
  const doc = sweepSchema.safeParse(part.data.document);
  if (!doc.success) return void skipped.push('the last sweep (not a sweep this version can read)');
  store.setState({ sweepResult: doc.data, sweepStatus: 'Last sweep restored from your session' });
  const [points, seeds] = [doc.data.points.length, doc.data.seeds.length];
  restored.push(
    `the last sweep (${points} point${points === 1 ? '' : 's'} × ${seeds} seed${seeds === 1 ? '' : 's'})`,
  );
}

function whenCatalog(store: StoreApi<LabState>, apply: () => void): void {
  if (store.getState().catalog.length > 0) return apply();
  const stop = store.subscribe((s) => {
    if (s.catalog.length === 0) return;
    stop();
    apply();
  });
}

function keepWriting(
  store: StoreApi<LabState>,
  storage: SessionStorage,
  { datasetStored, adopted }: { datasetStored: boolean; adopted: boolean },
): void {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const later = (key: 'dataset' | 'settings' | 'results' | 'sweep', value: () => unknown) => {
    clearTimeout(timers.get(key));
    timers.set(
      key,
      setTimeout(() => {
        storage.write(key, value()).then(
          () => store.getState().persistError && store.setState({ persistError: undefined }),
          (error: Error) =>
            store.setState({
              persistError: `This session could not be kept in the browser (${error.name}: ${error.message}); everything on the page still works, and what was stored before is unchanged.`,
            }),
        );
      }, WRITE_DELAY_MS),
    );
  };
  const writeDataset = () => {
    const loaded = store.getState().lastImport;
    if (!loaded) return;
    const { fileName, file } = loaded;
    later('dataset', () => ({ schemaVersion: SESSION_SCHEMA_VERSION, fileName, file }));
  };
  const writeSettings = () =>
    later('settings', () => {
      const { seed, repeats, backend, workers, maskIds, thresholds, strategies, ownStrategies } =
        store.getState();
      return {
        schemaVersion: SESSION_SCHEMA_VERSION,
        seed,
        repeats,
        backend,
        workers,
        maskIds,
        thresholds,
        strategies,
        ownStrategies,
      };
    });
  // Results of the dataset loaded now; none (null) once a new dataset cleared them, so a reload does
  // not find results of another dataset to refuse.
  const writeResults = () =>
    later('results', () => {
      const now = store.getState();
      if (!now.reportFrame || !now.summary) return null;
      const report = composeReport(
        now.reportFrame,
        now.results,
        [...now.catalog.map((m) => m.id), ...now.ownStrategies.map((o) => o.id)],
        now.comparisons,
      );
      return {
        schemaVersion: SESSION_SCHEMA_VERSION,
        fingerprint: now.summary.fingerprint,
        report,
        backendDecision: now.backendDecision,
      };
    });
  // The last finished sweep of the dataset loaded now; none (null) once a new dataset cleared it.
  const writeSweep = () =>
    later('sweep', () => {
      const now = store.getState();
      if (!now.sweepResult || !now.summary) return null;
      return {
        schemaVersion: SESSION_SCHEMA_VERSION,
        fingerprint: now.summary.fingerprint,
        document: now.sweepResult,
      };
    });
  // What was loaded before writing began is kept as this tab's own: the sample of a first visit (or its
  // results would find no dataset after a reload), or a session taken over from another tab.
  if (adopted) {
    writeDataset();
    writeSettings();
    writeResults();
    writeSweep();
  } else if (!datasetStored) writeDataset();
  store.subscribe((s, prev) => {
    if (s.lastImport && s.lastImport !== prev.lastImport) writeDataset();
    if (
      s.seed !== prev.seed ||
      s.repeats !== prev.repeats ||
      s.backend !== prev.backend ||
      s.workers !== prev.workers ||
      s.maskIds !== prev.maskIds ||
      s.thresholds !== prev.thresholds ||
      s.strategies !== prev.strategies ||
      s.ownStrategies !== prev.ownStrategies
    )
      writeSettings();
    // Results are written when they settle (not on every finished strategy of a run in flight).
    if (
      s.runId === undefined &&
      (s.results !== prev.results || s.runId !== prev.runId || s.comparisons !== prev.comparisons)
    )
      writeResults();
    if (s.sweepResult !== prev.sweepResult) writeSweep();
  });
}
