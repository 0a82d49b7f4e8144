/**
 * The import columns of docs/contract.md §1 and their aliases, and the mapping of a file's header onto them.
 * Matching is case-insensitive and ignores surrounding spaces; an exact canonical name beats an alias.
 */

export const REQUIRED_COLUMNS = [
  'user_id',
  'topic',
  'difficulty',
  'completed_at',
  'is_correct',
  'actual_time_seconds',
] as const;
export const OPTIONAL_COLUMNS = ['completed', 'predicted_correct', 'true_p'] as const;
export type CanonicalColumn = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

const ALIASES: Readonly<Record<CanonicalColumn, readonly string[]>> = {
  user_id: ['user', 'user_email', 'email', 'student_id', 'learner_id'],
  topic: ['skill', 'skill_name', 'kc', 'concept'],
  difficulty: ['level'],
  completed_at: ['timestamp', 'submitted_at', 'created_at'],
  is_correct: ['correct', 'outcome'],
  actual_time_seconds: ['actual_time', 'time_seconds', 'duration_seconds'],
  completed: [],
  predicted_correct: [],
  true_p: [],
};

const lookup = new Map<string, { column: CanonicalColumn; exact: boolean }>();
for (const column of Object.keys(ALIASES) as CanonicalColumn[]) {
  lookup.set(column, { column, exact: true });
  for (const alias of ALIASES[column]) lookup.set(alias, { column, exact: false });
}

export function normaliseHeader(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();
}

export interface ColumnMapping {
  /** Canonical column → index into the file's header. */
  indexOf: Map<CanonicalColumn, number>;
  /** Canonical column → the header as written in the file. */
  sourceName: Map<CanonicalColumn, string>;
  /** Headers that map to nothing, or lost to a better match for the same column. */
  ignored: string[];
  missing: CanonicalColumn[];
}

export function mapColumns(header: readonly string[]): ColumnMapping {
  const indexOf = new Map<CanonicalColumn, number>();
  const exactness = new Map<CanonicalColumn, boolean>();
  const ignored: string[] = [];
  header.forEach((raw, index) => {
    const hit = lookup.get(normaliseHeader(raw));
    if (!hit) {
      ignored.push(raw);
      return;
    }
    const previous = indexOf.get(hit.column);
    if (previous === undefined || (hit.exact && !exactness.get(hit.column))) {
      if (previous !== undefined) ignored.push(header[previous] ?? '');
      indexOf.set(hit.column, index);
      exactness.set(hit.column, hit.exact);
    } else {
      ignored.push(raw);
    }
  });
  const sourceName = new Map<CanonicalColumn, string>();
  for (const [column, index] of indexOf) sourceName.set(column, header[index] ?? column);
  const missing = REQUIRED_COLUMNS.filter((c) => !indexOf.has(c));
  return { indexOf, sourceName, ignored, missing };
}
