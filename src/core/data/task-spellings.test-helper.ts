/**
 * Spells a valid task the many ways docs/contract.md §1 accepts — timestamps as ISO (any offset, lower case,
 * date only), epoch seconds or milliseconds; booleans as true/t/1/yes in any case; padded names — as CSV
 * text or as JSON values. Every spelling must import back to exactly the same task. Test-only.
 */
import type { CanonicalColumn } from './column-aliases';
import type { FileStyle } from './import-fuzz.test-helper';
import { DIFFICULTIES, type Task } from './task';
import { MAX_TASK_SECONDS } from './import-warnings';

/** Cycles through a style's random choices: the spelling of each cell varies, reproducibly. */
export class Chooser {
  private n = 0;
  constructor(private readonly choices: readonly number[]) {}
  pick<T>(options: readonly T[]): T {
    const c = this.choices[this.n++ % this.choices.length] ?? 0;
    return options[(c + Math.floor(this.n / this.choices.length)) % options.length] as T;
  }
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** ISO-8601 local time at `offsetMinutes` from UTC, with that offset written (`+05:30`, `-0800`, `Z`). */
export function isoAtOffset(ms: number, offsetMinutes: number, colon: boolean): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 23);
  if (offsetMinutes === 0) return `${local}Z`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const a = Math.abs(offsetMinutes);
  return `${local}${sign}${pad2(Math.floor(a / 60))}${colon ? ':' : ''}${pad2(a % 60)}`;
}

/** undefined: the key is left out of a JSON object (JSON.stringify drops it). */
export type Cell = string | number | boolean | null | undefined;

function timestamp(ms: number, c: Chooser, json: boolean): Cell {
  const wholeSecond = ms % 1000 === 0;
  const forms: (() => Cell)[] = [
    () => new Date(ms).toISOString(),
    () => new Date(ms).toISOString().toLowerCase(),
    () => isoAtOffset(ms, c.pick([-720, -480, -210, 60, 330, 345, 840]), c.pick([true, false])),
    () => new Date(ms).toISOString().replace('T', ' ').replace('Z', ''), // no zone: read as UTC
    () => (json && c.pick([true, false]) ? ms / 1000 : String(ms / 1000)), // epoch seconds
  ];
  // Epoch milliseconds only where the magnitude rule can tell them from seconds (from 1973 on).
  if (ms >= 1e11) forms.push(() => (json && c.pick([true, false]) ? ms : String(ms)));
  if (wholeSecond) forms.push(() => new Date(ms).toISOString().replace('.000Z', 'Z'));
  if (ms % 86_400_000 === 0) forms.push(() => new Date(ms).toISOString().slice(0, 10));
  return c.pick(forms)();
}

function boolean(value: boolean, c: Chooser, json: boolean): Cell {
  const words = c.pick([
    ['true', 'false'],
    ['t', 'f'],
    ['1', '0'],
    ['yes', 'no'],
  ] as const)[value ? 0 : 1];
  const cased = c.pick([words, words.toUpperCase(), words[0]?.toUpperCase() + words.slice(1)]);
  if (!json) return cased;
  return c.pick<Cell>([value, cased, value ? 1 : 0]);
}

function difficulty(task: Task, scheme: FileStyle['difficultyScheme'], c: Chooser, json: boolean): Cell {
  const level = DIFFICULTIES.indexOf(task.difficulty);
  if (scheme === 'named')
    return c.pick([task.difficulty, task.difficulty.toUpperCase(), ` ${task.difficulty}`]);
  const n = scheme === 'zero-based' ? level : level + 1;
  return json && c.pick([true, false]) ? n : String(n);
}

const number = (n: number, c: Chooser, json: boolean): Cell =>
  json && c.pick([true, false]) ? n : String(n);
const text = (s: string, c: Chooser): string => c.pick([s, ` ${s}`, `${s} `]);

/**
 * The cells of one task, canonical column → value (JSON: native types where JSON has them; CSV: text).
 * An absent optional value is null or a missing key in JSON, an empty string in CSV.
 */
export function spellTask(
  task: Task,
  style: FileStyle,
  c: Chooser,
  json: boolean,
): Partial<Record<CanonicalColumn, Cell>> {
  const absent = json ? c.pick([null, undefined]) : '';
  const cells: Partial<Record<CanonicalColumn, Cell>> = {};
  for (const column of style.columns) {
    switch (column) {
      case 'user_id':
        cells[column] = text(task.userId, c);
        break;
      case 'topic':
        cells[column] = text(task.topic, c);
        break;
      case 'difficulty':
        cells[column] = difficulty(task, style.difficultyScheme, c, json);
        break;
      case 'completed_at':
        cells[column] = timestamp(task.completedAtMs, c, json);
        break;
      case 'is_correct':
        cells[column] = boolean(task.isCorrect, c, json);
        break;
      case 'actual_time_seconds':
        cells[column] = number(task.actualTimeSeconds, c, json);
        break;
      case 'completed':
        cells[column] = c.pick([boolean(true, c, json), absent]);
        break;
      case 'predicted_correct':
        cells[column] = task.predictedCorrect === undefined ? absent : number(task.predictedCorrect, c, json);
        break;
      case 'true_p':
        cells[column] = task.trueP === undefined ? absent : number(task.trueP, c, json);
        break;
    }
  }
  return cells;
}

/** A scheme the whole file can use: 0–2 needs an easy task to show it starts at 0 (docs/contract.md §1). */
export function usableScheme(
  tasks: readonly Task[],
  scheme: FileStyle['difficultyScheme'],
): FileStyle['difficultyScheme'] {
  if (scheme === 'zero-based' && !tasks.some((t) => t.difficulty === 'easy')) return 'named';
  return scheme;
}

/** The task as a file with these columns can hold it: optional values without a column are lost. */
export function asWritten(task: Task, style: FileStyle): Task {
  // Durations beyond the lab's cap come back clipped to it (import-warnings.ts), with a warning.
  const out = { ...task, actualTimeSeconds: Math.min(task.actualTimeSeconds, MAX_TASK_SECONDS) };
  if (!style.columns.includes('predicted_correct')) delete out.predictedCorrect;
  if (!style.columns.includes('true_p')) delete out.trueP;
  return out;
}
