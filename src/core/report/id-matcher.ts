/**
 * Finds known user ids inside free text, by identity: every occurrence of a whole id (longest first, so
 * "Alice Smith" wins over "Smith"), whatever it holds — spaces, commas, quotes, "@", "<>", emoji — and
 * not inside a longer word (the "a" of "data" is not user "a"). Built once per label table.
 */

export type UserLabels = ReadonlyMap<string, string>;

/** Letters and digits: what an id must not be glued to for an occurrence to count as that id. */
const WORD = /[\p{L}\p{N}]/u;
const isWord = (ch: string | undefined): boolean => ch !== undefined && WORD.test(ch);
/** Ids a number in a sentence could be ("3", "1.5", "2025-09"): digits and number punctuation only. */
const NUMBER_LIKE = /^[\p{N}\s.,:+\-/%]*$/u;

export class IdMatcher {
  /** Distinct id lengths, longest first. */
  private readonly lengths: number[];
  /** First code unit of every id: a position starting with none of them cannot start an id. */
  private readonly starts: Set<number>;

  constructor(
    private readonly labels: UserLabels,
    ids: Iterable<string> = labels.keys(),
  ) {
    const lengths = new Set<number>();
    this.starts = new Set();
    for (const id of ids) {
      if (id.length === 0) continue;
      lengths.add(id.length);
      this.starts.add(id.charCodeAt(0));
    }
    this.lengths = [...lengths].sort((a, b) => b - a);
  }

  /** `text` with every whole occurrence of an id replaced by `replace(id)`; linear in the text per id length. */
  replace(text: string, replace: (id: string) => string): string {
    if (this.lengths.length === 0) return text;
    let out = '';
    let copied = 0;
    let i = 0;
    while (i < text.length) {
      const found = this.starts.has(text.charCodeAt(i)) ? this.idAt(text, i) : undefined;
      if (found === undefined) {
        i += 1;
        continue;
      }
      out += text.slice(copied, i) + replace(found);
      i += found.length;
      copied = i;
    }
    return copied === 0 ? text : out + text.slice(copied);
  }

  /** Whether `text` holds a whole id anywhere. */
  finds(text: string): boolean {
    for (let i = 0; i < text.length; i++)
      if (this.starts.has(text.charCodeAt(i)) && this.idAt(text, i) !== undefined) return true;
    return false;
  }

  private idAt(text: string, i: number): string | undefined {
    for (const len of this.lengths) {
      const end = i + len;
      if (end > text.length) continue;
      const candidate = text.slice(i, end);
      if (!this.labels.has(candidate)) continue;
      // Glued to a letter or digit on a side where the id itself is a letter or digit: part of a word.
      if (isWord(candidate[0]) && isWord(text[i - 1])) continue;
      if (isWord(candidate[len - 1]) && isWord(text[end])) continue;
      return candidate;
    }
    return undefined;
  }
}

const matchers = new WeakMap<UserLabels, { all: IdMatcher; nonNumeric: IdMatcher }>();

/**
 * The matchers of a label table, built once: `all` ids, and `nonNumeric` — ids that cannot be mistaken
 * for the numbers of the lab's own messages ("epoch 3" is not user "3").
 */
export function matchersOf(labels: UserLabels): { all: IdMatcher; nonNumeric: IdMatcher } {
  let found = matchers.get(labels);
  if (!found) {
    const nonNumeric = [...labels.keys()].filter((id) => !NUMBER_LIKE.test(id));
    found = { all: new IdMatcher(labels), nonNumeric: new IdMatcher(labels, nonNumeric) };
    matchers.set(labels, found);
  }
  return found;
}
