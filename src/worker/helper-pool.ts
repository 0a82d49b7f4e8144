/**
 * The lab worker's training helpers (up to three): started as the page opens (they get the dataset when
 * it is imported) or at the first run that can use them, kept between runs (they hold models for export), replaced when one dies, and closed when a
 * different dataset is imported. Not used with WebGL: the GPU is one device, and a lost context is
 * recovered in the lab worker alone.
 */
import { spawnHelperLane, type DatasetSource, type HelperLane } from './helper-lane';

const MAX_HELPERS = 3;

/**
 * Helpers worth having on this machine: one per core beyond the lab worker's. Even when each strategy
 * trains slower beside another, the whole run is faster on 2 cores (figures in docs/performance.md).
 */
export function helperBudget(cores: number | undefined = self.navigator?.hardwareConcurrency): number {
  return Math.max(0, Math.min(MAX_HELPERS, (cores ?? 1) - 1));
}

export interface HelperPool {
  /**
   * Start `count` helpers before any dataset exists, as the page opens: loading a worker's code and
   * starting tfjs take longer than importing the sample, and a first Train click should find them ready.
   */
  prestart(count: number): void;
  /** Up to `count` live helpers holding `source`'s dataset. */
  lanes(source: DatasetSource, count: number): HelperLane[];
  closeAll(): void;
}

export function createHelperPool(spawn = spawnHelperLane): HelperPool {
  let helpers: HelperLane[] = [];
  let spawned = 0;
  const closeAll = () => {
    helpers.forEach((h) => h.dispose());
    helpers = [];
  };
  return {
    prestart(count) {
      helpers = helpers.filter((h) => h.alive());
      while (helpers.length < count) helpers.push(spawn(`Training helper ${++spawned}`, undefined));
    },
    lanes(source, count) {
      const { fingerprint } = source.summary;
      // Helpers of another dataset hold the wrong rows (and models the page no longer shows).
      for (const h of helpers) if (h.holds() !== undefined && h.holds() !== fingerprint) h.dispose();
      helpers = helpers.filter((h) => h.alive());
      for (const h of helpers) if (h.holds() === undefined) h.load(source);
      while (helpers.length < count) helpers.push(spawn(`Training helper ${++spawned}`, source));
      return helpers.slice(0, count);
    },
    closeAll,
  };
}
