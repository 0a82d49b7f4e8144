/**
 * Is this dataset one of the lab's own simulations? Only when it carries `true_p`, has the same row
 * and user counts as a known simulation, and regenerating that simulation gives the same dataset
 * fingerprint. Anything else — real data above all — is not simulated, and gets no truth row.
 */
import { fingerprintTasks } from '../data/fingerprint';
import type { Task } from '../data/task';
import { KNOWN_SIMULATIONS, type KnownSimulation } from './known-simulations';
import { simulateLearners } from './simulate-learners';

/** What the dataset is known by: its fingerprint and counts (the dataset summary has them). */
export interface DatasetIdentity {
  fingerprint: string;
  rows: number;
  users: number;
  hasTrueP: boolean;
}

const regenerated = new Map<string, Promise<string>>();

/** The fingerprint of a known simulation's tasks, regenerated once per session. */
export function simulationFingerprint(simulation: KnownSimulation): Promise<string> {
  let fingerprint = regenerated.get(simulation.name);
  if (!fingerprint) {
    const tasks: Task[] = simulateLearners({
      seed: simulation.seed,
      users: simulation.learners(),
      startDate: simulation.startDate,
    });
    fingerprint = fingerprintTasks(tasks);
    regenerated.set(simulation.name, fingerprint);
  }
  return fingerprint;
}

/** The known simulation this dataset is, or undefined (never a guess). */
export async function identifySimulation(dataset: DatasetIdentity): Promise<KnownSimulation | undefined> {
  if (!dataset.hasTrueP) return undefined;
  for (const simulation of KNOWN_SIMULATIONS) {
    if (simulation.rows !== dataset.rows || simulation.users !== dataset.users) continue;
    if ((await simulationFingerprint(simulation)) === dataset.fingerprint) return simulation;
  }
  return undefined;
}
