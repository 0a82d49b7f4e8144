// Whole-file refusals: one plain sentence that names the file, and no dataset.
import { describe, expect, it } from 'vitest';
import { importTasksFromBytes, importTasksFromText, type ImportResult } from './import-tasks';

const HEADER = 'user_id,topic,difficulty,completed_at,is_correct,actual_time_seconds';
const csv = (...lines: string[]) => [HEADER, ...lines].join('\n');

function refused(result: ImportResult): string {
  if (result.kind !== 'refused') throw new Error('expected a refusal');
  return result.message;
}

describe('importTasksFromText — whole-file refusals name the file', () => {
  it.each([
    ['', 'e.csv is empty.'],
    ['   \n\n ', 'e.csv is empty.'],
    [HEADER, 'e.csv has no valid row: it holds a header but no data.'],
    ['{"tasks": ', 'e.csv is not valid JSON'],
    ['{"meta": 1}', 'e.csv is JSON but holds no array of tasks'],
    ['<xml><row/></xml>', 'e.csv is neither CSV nor JSON (it looks like XML or HTML).'],
    ['Just a note about our students.', 'e.csv is neither CSV nor JSON'],
    [
      'user_id,completed_at,is_correct,actual_time_seconds\nu,2025-01-01,true,1',
      'e.csv is missing the required columns topic, difficulty',
    ],
    [
      csv('u,T,extreme,2025-01-01,true,1'),
      'e.csv has no valid row: all 1 rows were skipped (first: row 1, difficulty is not a difficulty',
    ],
  ])('%j', (text, message) => {
    expect(refused(importTasksFromText(text, 'e.csv'))).toContain(message);
  });

  it('refuses binary bytes', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(refused(importTasksFromBytes(png, 'pic.csv'))).toBe(
      'pic.csv looks like a binary file, not CSV or JSON text.',
    );
    expect(refused(importTasksFromBytes(new Uint8Array(), 'none.csv'))).toBe('none.csv is empty.');
  });
});
