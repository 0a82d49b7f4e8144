// Property test: valid tasks survive a CSV ↔ JSON round trip. The same generated tasks written once as
// CSV and once as JSON — each in its own style (aliases, cases, delimiters, containers, encodings, value
// spellings) — import to exactly those tasks in canonical order, with the same fingerprint.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareTasks } from './compare-tasks';
import { fingerprintTasks } from './fingerprint';
import {
  csvText,
  encodeText,
  fileStyleArb,
  fuzzParameters,
  jsonText,
  validTasksArb,
  type FileStyle,
} from './import-fuzz.test-helper';
import { expectSoundDataset } from './import-invariants.test-helper';
import { importTasksFromBytes } from './import-tasks';
import { MAX_TASK_SECONDS } from './import-warnings';
import { asWritten, Chooser, spellTask, usableScheme } from './task-spellings.test-helper';
import type { Dataset, Task } from './task';

/** Both files carry the optional columns, so the tasks can round-trip whole. */
const withOptionals = (style: FileStyle, tasks: readonly Task[]): FileStyle => ({
  ...style,
  columns: [
    ...style.columns.filter((c) => c !== 'predicted_correct' && c !== 'true_p'),
    'predicted_correct',
    'true_p',
  ],
  difficultyScheme: usableScheme(tasks, style.difficultyScheme),
});

function writeCsv(tasks: readonly Task[], style: FileStyle): Uint8Array {
  const chooser = new Chooser(style.choices);
  const rows = tasks.map((t) => {
    const cells = spellTask(t, style, chooser, false);
    return style.columns.map((c) => String(cells[c] ?? ''));
  });
  return encodeText(
    csvText(
      style.columns.map((c) => style.header[c]),
      rows,
      style,
    ),
    style.encoding,
  );
}

function writeJson(tasks: readonly Task[], style: FileStyle): Uint8Array {
  const chooser = new Chooser(style.choices);
  const rows = tasks.map((t) => {
    const cells = spellTask(t, style, chooser, true);
    return Object.fromEntries(style.columns.map((c) => [style.header[c], cells[c]]));
  });
  return encodeText(jsonText(rows, style), style.encoding);
}

function imported(bytes: Uint8Array, fileName: string): Dataset {
  const result = importTasksFromBytes(bytes, fileName);
  if (result.kind !== 'ok') throw new Error(result.message);
  expectSoundDataset(result.dataset, fileName);
  return result.dataset;
}

describe('CSV ↔ JSON round trip of valid tasks', () => {
  it('imports the same tasks, in canonical order, with the same fingerprint, whichever format and spelling', async () => {
    await fc.assert(
      fc.asyncProperty(validTasksArb(40), fileStyleArb, fileStyleArb, async (tasks, csvStyle, jsonStyle) => {
        // Written in array order, so each task's file row is its position + 1; ties keep that order.
        const expected = tasks
          .map((t, i) => ({
            ...t,
            actualTimeSeconds: Math.min(t.actualTimeSeconds, MAX_TASK_SECONDS),
            row: i + 1,
          }))
          .sort(compareTasks);
        const fromCsv = imported(writeCsv(tasks, withOptionals(csvStyle, tasks)), 'tasks.csv');
        const fromJson = imported(writeJson(tasks, withOptionals(jsonStyle, tasks)), 'tasks.json');
        expect(fromCsv.report.skippedRows).toBe(0);
        expect(fromJson.report.skippedRows).toBe(0);
        expect(fromCsv.tasks).toEqual(expected);
        expect(fromJson.tasks).toEqual(expected);
        expect(await fingerprintTasks(fromJson.tasks)).toBe(await fingerprintTasks(fromCsv.tasks));
      }),
      fuzzParameters(4_2026, 200),
    );
  });

  it('without the optional columns, the tasks come back without their optional values, in both formats', () => {
    fc.assert(
      fc.property(validTasksArb(20), fileStyleArb, (tasks, style) => {
        const bare: FileStyle = {
          ...style,
          columns: style.columns.filter((c) => c !== 'predicted_correct' && c !== 'true_p'),
          difficultyScheme: usableScheme(tasks, style.difficultyScheme),
        };
        const expected = tasks.map((t, i) => ({ ...asWritten(t, bare), row: i + 1 })).sort(compareTasks);
        expect(imported(writeCsv(tasks, bare), 'bare.csv').tasks).toEqual(expected);
        expect(imported(writeJson(tasks, bare), 'bare.json').tasks).toEqual(expected);
      }),
      fuzzParameters(4_2026, 60),
    );
  });
});
