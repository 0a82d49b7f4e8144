/**
 * `compare … --models DIR`: write each trained strategy as the lab's model bundle (the same zip as the
 * browser's "Download model", self-check included) and print its size — the Node path for whoever
 * deploys, and the way the bundle sizes in the README are reproduced. Uses core only.
 */
import type { Dataset, Task } from '../core/data/task';
import type { DatasetSummary } from '../core/data/summarize-dataset';
import { packBundle } from '../core/export/pack-bundle';
import { takeSelfCheck } from '../core/export/self-check';
import type { Report } from '../core/report/report-types';
import { heldOutOf } from '../core/comparison/evaluation-setup';
import type { StrategyId, TrainedStrategy } from '../core/strategies/types';
import type { CliIo } from './cli-io';

export type WriteFile = (path: string, data: string | Uint8Array) => Promise<void>;

/** One packed bundle: its file name, bytes and how many networks it holds. */
export interface PackedStrategy {
  fileName: string;
  bytes: Uint8Array;
  networks: number;
}

/** Pack one trained strategy of `report` (a lane thread packs the models it holds the same way). */
export async function packStrategy(
  trained: TrainedStrategy,
  tasks: readonly Task[],
  summary: DatasetSummary,
  report: Report,
): Promise<PackedStrategy> {
  const { split } = heldOutOf(tasks);
  const packed = await packBundle({
    trained,
    seed: report.seed,
    backend: report.backend,
    dataset: { fingerprint: summary.fingerprint, rows: summary.rows, users: summary.users.length },
    metrics: report.strategies.find((s) => s.id === trained.id) ?? null,
    selfCheck: await takeSelfCheck(trained, tasks, split.testIndices, summary.fingerprint),
  });
  const networks = 2 * (1 + Object.keys(packed.manifest.routing.users).length);
  return { fileName: packed.fileName, bytes: packed.bytes, networks };
}

export async function exportModels(
  dir: string,
  input: {
    dataset: Dataset;
    summary: DatasetSummary;
    report: Report;
    trained: Map<StrategyId, TrainedStrategy>;
    /** Strategies whose model a lane thread holds: it packs them. */
    elsewhere?: Map<StrategyId, (summary: DatasetSummary, report: Report) => Promise<PackedStrategy>>;
  },
  io: CliIo,
  writeFile: WriteFile,
): Promise<void> {
  const { dataset, summary, report } = input;
  const ids = report.strategies.filter((s) => s.status === 'ok').map((s) => s.id as StrategyId);
  for (const id of ids) {
    const trained = input.trained.get(id);
    const pack = trained
      ? () => packStrategy(trained, dataset.tasks, summary, report)
      : input.elsewhere?.get(id)?.bind(null, summary, report);
    if (!pack) continue;
    let packed: PackedStrategy;
    try {
      packed = await pack();
    } catch (error) {
      // No bundle without its self-check rows (e.g. nothing held out): said, and the others still written.
      io.stderr(`model of ${id} not written: ${(error as Error).message}\n`);
      continue;
    }
    const path = `${dir.replace(/\/+$/, '')}/${packed.fileName}`;
    await writeFile(path, packed.bytes);
    io.stderr(
      `model ${path}: ${(packed.bytes.byteLength / 1000).toFixed(1)} kB, ${packed.networks} networks\n`,
    );
  }
}
