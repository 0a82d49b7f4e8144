/**
 * `compare … --models DIR`: write each trained strategy as the lab's model bundle (the same zip as the
 * browser's "Download model", self-check included) and print its size — the Node path for whoever
 * deploys, and the way the bundle sizes in the README are reproduced. Uses core only.
 */
import type { Dataset } from '../core/data/task';
import type { DatasetSummary } from '../core/data/summarize-dataset';
import { packBundle } from '../core/export/pack-bundle';
import { takeSelfCheck } from '../core/export/self-check';
import type { Report } from '../core/report/report-types';
import { TEST_SHARE } from '../core/comparison/run-comparison';
import { temporalSplit } from '../core/split/temporal-split';
import type { StrategyId, TrainedStrategy } from '../core/strategies/types';
import type { CliIo } from './cli-io';

export type WriteFile = (path: string, data: string | Uint8Array) => Promise<void>;

export async function exportModels(
  dir: string,
  input: {
    dataset: Dataset;
    summary: DatasetSummary;
    report: Report;
    trained: Map<StrategyId, TrainedStrategy>;
  },
  io: CliIo,
  writeFile: WriteFile,
): Promise<void> {
  const { dataset, summary, report } = input;
  const split = temporalSplit(dataset.tasks, TEST_SHARE, 'per-user-tail');
  for (const [id, trained] of input.trained) {
    let selfCheck;
    try {
      selfCheck = await takeSelfCheck(trained, dataset.tasks, split.testIndices, summary.fingerprint);
    } catch (error) {
      io.stderr(`model of ${id} not written: ${(error as Error).message}\n`);
      continue;
    }
    const packed = await packBundle({
      trained,
      seed: report.seed,
      backend: report.backend,
      dataset: { fingerprint: summary.fingerprint, rows: summary.rows, users: summary.users.length },
      metrics: report.strategies.find((s) => s.id === id) ?? null,
      selfCheck,
    });
    const path = `${dir.replace(/\/+$/, '')}/${packed.fileName}`;
    await writeFile(path, packed.bytes);
    const networks = 2 * (1 + Object.keys(packed.manifest.routing.users).length);
    io.stderr(`model ${path}: ${(packed.bytes.byteLength / 1000).toFixed(1)} kB, ${networks} networks\n`);
  }
}
