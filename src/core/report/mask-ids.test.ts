import { beforeAll, describe, expect, it } from 'vitest';
import type { DatasetSummary } from '../data/summarize-dataset';
import type { ImportReport } from '../data/task';
import {
  labelFor,
  letterCode,
  MASKED,
  maskFields,
  maskImportReport,
  maskMessage,
  maskPhase,
  maskReport,
  maskSummary,
  maskText,
  userLabels,
  userRef,
} from './mask-ids';
import { validateReport } from './report-schema';
import type { Report } from './report-types';
import { realReport } from './report.test-helper';

const IDS = ['user0@example.com', 'user1@example.com', 'user2@example.com', 'user3@example.com'];

let report: Report;
beforeAll(async () => {
  report = await realReport();
});

describe('userLabels', () => {
  it('labels users A…Z, then AA, AB, … in the given order', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(letterCode)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
    const labels = userLabels(['bulk@example.com', 'b@x.org', 'bulk@example.com', 'c']);
    expect([...labels]).toEqual([
      ['bulk@example.com', 'User A'],
      ['b@x.org', 'User B'],
      ['c', 'User C'],
    ]);
  });

  it('gives an unknown id a stable fallback that is never the id and never a known label', () => {
    const labels = userLabels(['a@x.org']);
    const first = labelFor(labels, 'stranger@x.org');
    expect(first).toBe(labelFor(labels, 'stranger@x.org'));
    expect(first).toMatch(/^Unlisted user [0-9a-f]{6}$/);
    expect(first).not.toContain('stranger');
    expect(labelFor(labels, 'other@x.org')).not.toBe(first);
  });
});

describe('maskText', () => {
  const labels = userLabels(['bulk@example.com', 'plain-id']);
  it('replaces ids as a whole text or as tokens, and masks any other token with @', () => {
    expect(maskText('plain-id', labels)).toBe('User B');
    expect(maskText('no rows for bulk@example.com (plain-id)', labels)).toBe('no rows for User A (User B)');
    expect(maskText('mail stranger@x.org, ok', labels)).toBe(`mail ${MASKED}, ok`);
    expect(maskText('nothing to hide', labels)).toBe('nothing to hide');
  });
});

describe('by identity, not by words (issue 20)', () => {
  const ids = ['Alice Smith', 'Smith', 'S-100234', 'a,b', "O'Brien", '<x>', 'x@y.org(A1)', '3'];
  const labels = userLabels(ids);
  const L = (id: string) => labels.get(id) as string;

  it('maps a phase’s user by identity, whatever the id holds', () => {
    for (const id of ids) {
      expect(maskPhase(`fine-tune:${id}`, labels)).toBe(`fine-tune:${L(id)}`);
      expect(maskPhase(`user ${id}`, labels)).toBe(`user ${L(id)}`);
    }
    expect(maskPhase('base', labels)).toBe('base');
    expect(maskPhase('fine-tune', labels)).toBe('fine-tune');
  });

  it('free text: every whole id, never "(masked)(A1)"', () => {
    expect(maskText('x@y.org(A1)', labels)).toBe(L('x@y.org(A1)'));
    expect(maskText('export of Alice Smith and Smith, a,b.csv', labels)).toBe(
      `export of ${L('Alice Smith')} and ${L('Smith')}, ${L('a,b')}.csv`,
    );
    expect(maskText("<x> O'Brien", labels)).toBe(`${L('<x>')} ${L("O'Brien")}`);
  });

  it('the lab’s messages: marked ids by identity, numbers left alone', () => {
    expect(maskMessage(`no rows for ${userRef('3')} at epoch 3`, labels)).toBe(
      `no rows for ${L('3')} at epoch 3`,
    );
    expect(maskMessage('training diverged at epoch 3 (learning rate 1e9 is probably too high)', labels)).toBe(
      'training diverged at epoch 3 (learning rate 1e9 is probably too high)',
    );
    // The safety net: an unmarked id with a letter, and any e-mail address, are masked all the same.
    expect(maskMessage('Alice Smith failed; ask bob@corp.example', labels)).toBe(
      `${L('Alice Smith')} failed; ask ${MASKED}`,
    );
  });

  it('maskFields masks id fields it has never seen, by their names', () => {
    const later = {
      runs: [{ seed: 1, perUser: [{ userId: 'Smith', n: 2 }] }],
      routing: { users: { 'a,b': 1 } },
    };
    expect(maskFields(later, labels)).toEqual({
      runs: [{ seed: 1, perUser: [{ userId: L('Smith'), n: 2 }] }],
      routing: { users: { [L('a,b')]: 1 } },
    });
    expect(maskFields({ encoders: { users: ['<x>', '3'], topics: ['Smith'] } }, labels)).toEqual({
      encoders: { users: [L('<x>'), L('3')], topics: ['Smith'] },
    });
  });
});

describe('maskReport', () => {
  it('replaces every user id of the report, keeps its numbers, and still validates', () => {
    const labels = userLabels(report.dataset.users.map((u) => u.userId));
    const masked = maskReport(report, labels);
    const text = JSON.stringify(masked);
    expect(text).not.toContain('@');
    for (const id of IDS) expect(text).not.toContain(id.split('@')[0] + '@');
    const checked = validateReport(JSON.parse(text));
    expect(checked.ok, checked.ok ? '' : checked.reason).toBe(true);

    // The dataset's order gives the labels: most tasks first is User A.
    expect(masked.dataset.users.map((u) => u.userId)).toEqual(['User A', 'User B', 'User C', 'User D']);
    expect(masked.dataset.users.map((u) => u.tasks)).toEqual(report.dataset.users.map((u) => u.tasks));
    const ok = masked.strategies[0];
    const raw = report.strategies[0];
    if (ok?.status !== 'ok' || raw?.status !== 'ok') throw new Error('expected a trained entry');
    expect(ok.responseProbes.map((p) => p.afterCorrect)).toEqual(
      raw.responseProbes.map((p) => p.afterCorrect),
    );
    expect(ok.perUser.map((u) => u.userId).sort()).toEqual(['User A', 'User B', 'User C', 'User D']);
    expect(ok.phases.find((p) => p.phase === 'user')?.userId).toBe(labels.get('user1@example.com'));
    expect(ok.trainingInfluence.map((r) => r.phase)).toContain(`user ${labels.get('user1@example.com')}`);
    expect(ok.options.note).toBe(`tuned for ${labels.get('user2@example.com')}`);
    const failed = masked.strategies[1];
    expect(failed?.status === 'failed' && failed.error).toBe(
      `no rows for ${labels.get('user3@example.com')}`,
    );
    expect(masked.recorded?.testPerUser.length).toBe(4);
    // The original is untouched.
    expect(JSON.stringify(report)).toContain('user0@example.com');
  });

  it('masks ids the labels do not know with fallbacks, never the raw id', () => {
    const masked = maskReport(report, userLabels(['user0@example.com']));
    const text = JSON.stringify(masked);
    expect(text).not.toContain('@');
    expect(text).toContain('Unlisted user ');
    expect(validateReport(JSON.parse(text)).ok).toBe(true);
  });
});

describe('maskSummary and maskImportReport', () => {
  const labels = userLabels(['bulk@example.com', 'small']);
  it('masks the users of the summary in their order and its file name', () => {
    const summary = {
      fileName: 'bulk@example.com.csv',
      users: [
        { userId: 'bulk@example.com', tasks: 9, share: 0.9, correctRate: 0.5 },
        { userId: 'small', tasks: 1, share: 0.1, correctRate: 1 },
      ],
    } as DatasetSummary;
    const masked = maskSummary(summary, labels);
    expect(masked.users.map((u) => [u.userId, u.tasks])).toEqual([
      ['User A', 9],
      ['User B', 1],
    ]);
    expect(masked.fileName).toBe('User A.csv');
    expect(summary.users[0]?.userId).toBe('bulk@example.com');
  });

  it('masks user-column values, known ids and anything with @ among the problems', () => {
    const report: ImportReport = {
      fileName: 'tasks.csv',
      format: 'csv',
      rowsRead: 5,
      notCompletedRows: 0,
      skippedRows: 5,
      problems: [
        { row: 1, column: 'user_id', reason: 'is empty', value: '' },
        { row: 2, column: 'user_id', reason: 'is too long', value: 'someone-unknown' },
        { row: 3, column: 'topic', reason: 'is empty', value: 'small' },
        { row: 4, column: 'difficulty', reason: 'is not a difficulty', value: 'x@y.z' },
        { row: 5, column: 'difficulty', reason: 'is not a difficulty', value: 'extreme' },
      ],
      ignoredColumns: ['mail of bulk@example.com'],
      columnMap: { user_id: 'email' },
    };
    const masked = maskImportReport(report, labels);
    expect(masked.problems.map((p) => p.value)).toEqual(['', MASKED, 'User B', MASKED, 'extreme']);
    expect(masked.problems.map((p) => p.row)).toEqual([1, 2, 3, 4, 5]);
    expect(masked.ignoredColumns).toEqual(['mail of User A']);
    expect(masked.columnMap).toEqual({ user_id: 'email' });
  });
});
