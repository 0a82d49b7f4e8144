import { describe, expect, it } from 'vitest';
import { syntheticTasks } from '../testing/test-data.test-helper';
import { temporalSplit } from '../split/temporal-split';
import { optionNotices } from './option-notices';

const tasks = syntheticTasks(200, 3, 4);
const { trainIndices } = temporalSplit(tasks);
const notices = (options: Record<string, unknown>) => optionNotices(options, tasks, trainIndices);

describe('option notices', () => {
  it('says nothing about options that do what their names say', () => {
    expect(notices({ epochs: 50, batchSize: 32 })).toEqual([]);
  });

  it('epochs 0: nothing trains, the strategy is scored untrained', () => {
    expect(notices({ epochs: 0, batchSize: 32 })).toEqual([
      'epochs is 0: nothing trains, so this strategy is scored with its untrained (random) initial weights.',
    ]);
    expect(notices({ pretrainEpochs: 0, finetuneEpochs: 0 })).toEqual([
      'pretrainEpochs and finetuneEpochs are 0: nothing trains, so this strategy is scored with its untrained (random) initial weights.',
    ]);
    expect(notices({ pretrainEpochs: 0, finetuneEpochs: 20 })).toEqual([
      'pretrainEpochs is 0: that phase is skipped (the others train as set).',
    ]);
  });

  it('minTasks above every user: no per-user model, everyone gets the base', () => {
    const most = Math.max(
      ...[...new Set(tasks.map((t) => t.userId))].map(
        (u) => trainIndices.filter((i) => tasks[i]?.userId === u).length,
      ),
    );
    expect(notices({ epochs: 50, minTasks: most + 1 })).toEqual([
      `minTasks is ${most + 1}, above every user's training tasks (the most any user has is ${most}): no per-user model is trained, and every user gets the shared base model's predictions.`,
    ]);
    expect(notices({ epochs: 50, minTasks: most })[0]).toMatch(
      /^1 user of 4 has at least \d+ training tasks and gets a model of its own/,
    );
    expect(notices({ epochs: 50, minTasks: 1 })[0]).toMatch(/^4 users of 4 have at least 1 training tasks/);
  });
});
