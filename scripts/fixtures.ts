/**
 * `npm run fixtures [-- --big]`: writes every synthetic fixture (seed-shaped, medium, big) and the
 * bad-input corpus with its manifest. Deterministic: fixed seeds, no clock, so reruns are byte-identical
 * and the committed files can be checked by regenerating them. Seeds, populations and start dates come
 * from core's KNOWN_SIMULATIONS, the list the lab uses to recognise these files (Simulator truth).
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { knownSimulation } from '../src/core/simulation/known-simulations';
import { simulateLearners, streamLearners } from '../src/core/simulation/simulate-learners';
import type { SimTask } from '../src/core/simulation/simulate-learners';
import { writeCsv, writeJson } from './fixtures/write-fixtures';
import { writeBadCorpus } from './fixtures/bad-corpus';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIX = join(ROOT, 'fixtures');

async function timed(label: string, work: () => Promise<number>): Promise<void> {
  const t0 = performance.now();
  const rows = await work();
  console.log(
    `${label}: ${rows.toLocaleString('en-US')} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}

const optionsOf = (name: string) => {
  const sim = knownSimulation(name);
  return { seed: sim.seed, users: sim.learners(), startDate: sim.startDate };
};

async function main(): Promise<void> {
  const seedRows = simulateLearners(optionsOf('seed-shaped'));
  await timed('fixtures/seed-shaped.csv', () => writeCsv(join(FIX, 'seed-shaped.csv'), seedRows));
  await timed('fixtures/seed-shaped.json', () => writeJson(join(FIX, 'seed-shaped.json'), seedRows));
  await mkdir(join(ROOT, 'public/samples'), { recursive: true });
  await copyFile(join(FIX, 'seed-shaped.csv'), join(ROOT, 'public/samples/seed-shaped.csv'));
  const population = (name: string): Iterable<SimTask> => streamLearners(optionsOf(name));
  await timed('fixtures/medium.csv', () => writeCsv(join(FIX, 'medium.csv'), population('medium')));
  await timed('fixtures/bad/ files', () => writeBadCorpus(join(FIX, 'bad'), seedRows));
  if (process.argv.includes('--big')) {
    const gen = join(FIX, 'generated');
    await timed('fixtures/generated/big-100k.csv', () =>
      writeCsv(join(gen, 'big-100k.csv'), population('big-100k')),
    );
    await timed('fixtures/generated/big-1m.csv', () =>
      writeCsv(join(gen, 'big-1m.csv'), population('big-1m')),
    );
    // The end-to-end benchmark's largest file: a million tasks of 10,000 learners.
    await timed('fixtures/generated/big-1m-10k-users.csv', () =>
      writeCsv(join(gen, 'big-1m-10k-users.csv'), population('big-1m-10k-users')),
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
