/**
 * The lab worker's training helpers (up to three): spawned when a dataset is imported or at the first run
 * that can use them, kept between runs (they hold models for export), replaced when one dies, and closed when a
 * different dataset is imported. Not used with WebGL: the GPU is one device, and a lost context is
 * recovered in the lab worker alone.
 */
import { spawnHelperLane, type DatasetSource, type HelperLane } from './helper-lane';

const MAX_HELPERS = 3;

/**
 * Helpers worth having on this machine. In Chromium a training worker keeps about 1.7 cores busy — its own
 * thread plus V8's background recompiling of the tfjs-core code it keeps deoptimising (traced: 1,234 Maglev
 * and 120 TurboFan compiles, 820 deopts in 4 s) — so a helper needs two more cores: on 2 cores a second
 * worker made the sample 17 % faster but 20k–100k rows 20–30 % slower (bench, issue 7's note).
 */
export function helperBudget(cores: number | undefined = self.navigator?.hardwareConcurrency): number {
  return Math.max(0, Math.min(MAX_HELPERS, Math.floor((cores ?? 1) / 2) - 1));
}

export interface HelperPool {
  /** Up to `count` live helpers holding `source`'s dataset. */
  lanes(source: DatasetSource, count: number): HelperLane[];
  closeAll(): void;
}

export function createHelperPool(spawn = spawnHelperLane): HelperPool {
  let helpers: HelperLane[] = [];
  let fingerprint: string | undefined;
  let spawned = 0;
  const closeAll = () => {
    helpers.forEach((h) => h.dispose());
    helpers = [];
  };
  return {
    lanes(source, count) {
      // Helpers of another dataset hold the wrong rows (and models the page no longer shows).
      if (source.summary.fingerprint !== fingerprint) closeAll();
      fingerprint = source.summary.fingerprint;
      helpers = helpers.filter((h) => h.alive());
      while (helpers.length < count) helpers.push(spawn(`Training helper ${++spawned}`, source));
      return helpers.slice(0, count);
    },
    closeAll,
  };
}
