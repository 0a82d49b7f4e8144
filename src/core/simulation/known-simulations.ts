/**
 * The simulations the lab knows: every generated fixture (name, seed, population, start date). The
 * fixture script writes its files from this list, and the lab recognises a loaded file as one of them
 * only by regenerating it and finding the same dataset fingerprint (identify-simulation) — so the
 * latent learner parameters behind "Simulator truth" are never guessed for real data.
 */
import type { LearnerSpec } from './learner-model';
import { populationUsers, seedShapedUsers } from './learner-populations';

export interface KnownSimulation {
  /** e.g. "seed-shaped": the fixture's file stem. */
  name: string;
  seed: number;
  /** ISO-8601: learners start within the following few days. */
  startDate: string;
  /** Rows and users the simulation makes (a cheap first filter before regenerating). */
  rows: number;
  users: number;
  /** The learner specs; called when needed (populations are drawn from the seed). */
  learners: () => LearnerSpec[];
}

export const FIXTURE_START_DATE = '2025-09-01T08:00:00.000Z';

const population =
  (seed: number, users: number, rows: number): (() => LearnerSpec[]) =>
  () =>
    populationUsers(seed, users, rows);

/** In the order the fixture script writes them. */
export const KNOWN_SIMULATIONS: readonly KnownSimulation[] = [
  {
    name: 'seed-shaped',
    seed: 7,
    startDate: FIXTURE_START_DATE,
    rows: 917,
    users: 4,
    learners: seedShapedUsers,
  },
  {
    name: 'medium',
    seed: 20_000,
    startDate: FIXTURE_START_DATE,
    rows: 20_000,
    users: 200,
    learners: population(20_000, 200, 20_000),
  },
  {
    name: 'big-100k',
    seed: 100_000,
    startDate: FIXTURE_START_DATE,
    rows: 100_000,
    users: 1000,
    learners: population(100_000, 1000, 100_000),
  },
  {
    name: 'big-1m',
    seed: 1_000_000,
    startDate: FIXTURE_START_DATE,
    rows: 1_000_000,
    users: 1000,
    learners: population(1_000_000, 1000, 1_000_000),
  },
  {
    // The end-to-end benchmark's largest file: a million tasks of 10,000 learners.
    name: 'big-1m-10k-users',
    seed: 1_010_000,
    startDate: FIXTURE_START_DATE,
    rows: 1_000_000,
    users: 10_000,
    learners: population(1_010_000, 10_000, 1_000_000),
  },
];

export function knownSimulation(name: string): KnownSimulation {
  const found = KNOWN_SIMULATIONS.find((s) => s.name === name);
  if (!found) throw new RangeError(`no known simulation "${name}"`);
  return found;
}
