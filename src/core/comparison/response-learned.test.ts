/**
 * The response probe wired to a real trained model: on data where an answer follows the previous one
 * (a correct answer is followed by a correct one 90 % of the time, an incorrect one by an incorrect one),
 * a model trained by the real pipeline must predict far higher after five correct answers than after five
 * incorrect ones. A probe fed the wrong features, or curves read in the wrong
 * order, would fail here — the simulator-truth test cannot see that, since the truth needs no features.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { importTasksFromText } from '../data/import-tasks';
import { summarizeDataset } from '../data/summarize-dataset';
import { createRng } from '../random/rng';
import { runComparison } from './run-comparison';

/** Users whose answers repeat the previous one with probability `stay`. */
function stickyExport(users: number, tasksEach: number, stay: number, seed: number): string {
  const rng = createRng(seed);
  const lines = ['user_id,topic,difficulty,completed_at,is_correct,actual_time_seconds'];
  for (let u = 0; u < users; u++) {
    let correct = rng.next() < 0.5;
    for (let k = 0; k < tasksEach; k++) {
      if (k > 0 && rng.next() >= stay) correct = !correct;
      const at = new Date(Date.UTC(2025, 0, 1 + u, 0, 0) + k * 3_600_000).toISOString();
      const topic = k % 2 === 0 ? 'Algebra' : 'Geometry';
      lines.push(`learner-${u},${topic},medium,${at},${correct},${30 + (k % 7)}`);
    }
  }
  return lines.join('\n');
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('the response check on a model trained where answers follow answers', () => {
  it('sees the model rise after correct answers and fall after incorrect ones', async () => {
    const imported = importTasksFromText(stickyExport(6, 150, 0.9, 5), 'sticky.csv');
    if (imported.kind !== 'ok') throw new Error(imported.message);
    const { report, trained } = await runComparison({
      dataset: imported.dataset,
      summary: await summarizeDataset(imported.dataset),
      strategies: [{ id: 'full-retrain', options: { epochs: 60, batchSize: 32 } }],
      seed: 3,
      backend: tf.getBackend(),
      resamples: 20,
    });
    trained.forEach((t) => t.dispose());
    const entry = report.strategies[0];
    if (entry?.status !== 'ok') throw new Error(`full-retrain failed: ${JSON.stringify(entry)}`);
    // Truth here: 0.9 after five correct, 0.1 after five incorrect (a gap of 0.8); the model gets most of it.
    expect(entry.responseGap).toBeGreaterThan(0.5);
    expect(entry.responseProbes).toHaveLength(6);
    for (const probe of entry.responseProbes) {
      expect(probe.afterCorrect[5]).toBeGreaterThan(0.75);
      expect(probe.afterIncorrect[5]).toBeLessThan(0.5);
      // One incorrect answer after a correct streak is the sharpest fall the data holds.
      expect(probe.afterIncorrect[1]).toBeLessThan(0.3);
    }
    // No "correct-not-below-incorrect" violation: what a wrongly wired probe would break. (The other rule,
    // no drop after correct answers, may still fail by ~0.02 here: five more tasks push the uncapped count
    // features of Strategy 1 past anything it trained on — docs/repeats.md, "Measured".)
    expect(entry.responseViolations.filter((v) => v.rule === 'correct-not-below-incorrect')).toEqual([]);
  }, 120_000);
});
