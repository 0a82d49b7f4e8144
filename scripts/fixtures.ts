/**
 * `npm run fixtures [-- --big]`: writes every synthetic fixture (seed-shaped, medium, big) and the
 * bad-input corpus with its manifest. Deterministic: fixed seeds, no clock, so reruns are byte-identical
 * and the committed files can be checked by regenerating them.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  populationUsers,
  seedShapedUsers,
  simulateLearners,
  streamLearners,
} from './fixtures/simulate-learners';
import type { SimTask } from './fixtures/simulate-learners';
import { writeCsv, writeJson } from './fixtures/write-fixtures';
import { writeBadCorpus } from './fixtures/bad-corpus';

const SEEDS = {
  seedShaped: 7,
  medium: 20_000,
  big100k: 100_000,
  big1m: 1_000_000,
  big1m10k: 1_010_000,
} as const;
const START_DATE = '2025-09-01T08:00:00.000Z';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIX = join(ROOT, 'fixtures');

async function timed(label: string, work: () => Promise<number>): Promise<void> {
  const t0 = performance.now();
  const rows = await work();
  console.log(
    `${label}: ${rows.toLocaleString('en-US')} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}

async function main(): Promise<void> {
  const seedRows = simulateLearners({
    seed: SEEDS.seedShaped,
    users: seedShapedUsers(),
    startDate: START_DATE,
  });
  await timed('fixtures/seed-shaped.csv', () => writeCsv(join(FIX, 'seed-shaped.csv'), seedRows));
  await timed('fixtures/seed-shaped.json', () => writeJson(join(FIX, 'seed-shaped.json'), seedRows));
  await mkdir(join(ROOT, 'public/samples'), { recursive: true });
  await copyFile(join(FIX, 'seed-shaped.csv'), join(ROOT, 'public/samples/seed-shaped.csv'));
  const population = (seed: number, users: number, rows: number): Iterable<SimTask> =>
    streamLearners({ seed, users: populationUsers(seed, users, rows), startDate: START_DATE });
  await timed('fixtures/medium.csv', () =>
    writeCsv(join(FIX, 'medium.csv'), population(SEEDS.medium, 200, 20_000)),
  );
  await timed('fixtures/bad/ files', () => writeBadCorpus(join(FIX, 'bad'), seedRows));
  if (process.argv.includes('--big')) {
    const gen = join(FIX, 'generated');
    await timed('fixtures/generated/big-100k.csv', () =>
      writeCsv(join(gen, 'big-100k.csv'), population(SEEDS.big100k, 1000, 100_000)),
    );
    await timed('fixtures/generated/big-1m.csv', () =>
      writeCsv(join(gen, 'big-1m.csv'), population(SEEDS.big1m, 1000, 1_000_000)),
    );
    // The end-to-end benchmark's largest file: a million tasks of 10,000 learners.
    await timed('fixtures/generated/big-1m-10k-users.csv', () =>
      writeCsv(join(gen, 'big-1m-10k-users.csv'), population(SEEDS.big1m10k, 10_000, 1_000_000)),
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
