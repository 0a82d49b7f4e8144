/**
 * What every import result must satisfy, whatever the input: a refusal is one sentence naming the file;
 * an import accounts for every row read (task, skipped with row + column + reason, or not completed),
 * and every task it keeps obeys docs/contract.md §1. Shared by the importer's property tests. Test-only.
 */
import { expect } from 'vitest';
import { OPTIONAL_COLUMNS, REQUIRED_COLUMNS } from './column-aliases';
import { MAX_DETAILED_PROBLEMS, type ImportResult } from './import-tasks';
import { DIFFICULTIES, type Dataset } from './task';

const COLUMNS = new Set<string>([...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS, '(row)']);
/** A refusal shows in an alert: it must stay readable whatever the file held. */
export const MAX_MESSAGE_CHARS = 2000;

export function expectSoundResult(result: ImportResult, fileName: string): void {
  expect(['ok', 'refused']).toContain(result.kind);
  if (result.kind === 'refused') {
    expect(typeof result.message).toBe('string');
    expect(result.message.startsWith(`${fileName} `), result.message).toBe(true);
    expect(result.message.endsWith('.')).toBe(true);
    expect(result.message.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    return;
  }
  expectSoundDataset(result.dataset, fileName);
}

export function expectSoundDataset({ tasks, report }: Dataset, fileName: string): void {
  expect(report.fileName).toBe(fileName);
  expect(tasks.length).toBeGreaterThan(0);
  expect(tasks.length + report.skippedRows + report.notCompletedRows).toBe(report.rowsRead);
  expect(report.problems).toHaveLength(Math.min(report.skippedRows, MAX_DETAILED_PROBLEMS));
  const rows = new Set<number>();
  for (const p of report.problems) {
    expect(Number.isInteger(p.row) && p.row >= 1, `row ${p.row}`).toBe(true);
    rows.add(p.row);
    expect(COLUMNS.has(p.column), `column ${p.column}`).toBe(true);
    expect(p.reason.trim().length).toBeGreaterThan(3);
    expect(typeof p.value).toBe('string');
    expect(p.value.length).toBeLessThanOrEqual(201);
  }
  // One problem per skipped row: a row is skipped for its first fault.
  expect(rows.size).toBe(report.problems.length);
  for (const t of tasks) {
    expect(t.userId.length > 0 && t.userId === t.userId.trim()).toBe(true);
    expect(t.topic.length > 0 && t.topic === t.topic.trim()).toBe(true);
    expect(DIFFICULTIES).toContain(t.difficulty);
    expect(Number.isInteger(t.completedAtMs)).toBe(true);
    expect(t.completedAtMs).toBeGreaterThanOrEqual(Date.UTC(1970, 0, 1));
    expect(t.completedAtMs).toBeLessThan(Date.UTC(2100, 0, 1));
    expect(typeof t.isCorrect).toBe('boolean');
    expect(Number.isFinite(t.actualTimeSeconds) && t.actualTimeSeconds >= 0).toBe(true);
    if (t.predictedCorrect !== undefined)
      expect(t.predictedCorrect >= 0 && t.predictedCorrect <= 1).toBe(true);
    if (t.trueP !== undefined) expect(t.trueP >= 0 && t.trueP <= 1).toBe(true);
  }
  for (let i = 1; i < tasks.length; i++)
    expect((tasks[i - 1]?.completedAtMs ?? 0) <= (tasks[i]?.completedAtMs ?? 0)).toBe(true);
}
