import { describe, expect, it } from 'vitest';
import { IdMatcher, matchersOf } from './id-matcher';

const labelsOf = (ids: string[]) => new Map(ids.map((id, i) => [id, `L${i}`]));
const replaced = (ids: string[], text: string) => {
  const labels = labelsOf(ids);
  return new IdMatcher(labels).replace(text, (id) => labels.get(id) as string);
};

describe('IdMatcher', () => {
  it('finds whole ids, longest first, whatever they hold', () => {
    expect(replaced(['Alice Smith', 'Smith'], 'Smith met Alice Smith.')).toBe('L1 met L0.');
    expect(replaced(['a,b', 'a'], 'ids a,b and a')).toBe('ids L0 and L1');
    expect(replaced(["O'Brien", '<x>', 'jo@x.org'], "O'Brien<x>jo@x.org")).toBe('L0L1L2');
    expect(replaced(['👩‍🎓', 'Zoë'], '👩‍🎓Zoë!')).toBe('L0L1!');
  });

  it('does not find an id inside a longer word or number', () => {
    expect(replaced(['a', 'rat', '12'], 'data rate 123 trained')).toBe('data rate 123 trained');
    expect(replaced(['a', 'rat', '12'], 'a rat, 12.')).toBe('L0 L1, L2.');
    // An id that starts or ends with a non-letter is found wherever it stands.
    expect(replaced(['-7', '@x'], 'x-7 y@x')).toBe('xL0 yL1');
  });

  it('copes with a 1 MB id and with many ids of many lengths', () => {
    const long = `L${'ö'.repeat(1_000_000)}`;
    expect(replaced([long, 'b'], `<${long}> b`)).toBe('<L0> L1');
    const many = Array.from({ length: 3000 }, (_, i) => `user-${i}`);
    const labels = labelsOf(many);
    const m = new IdMatcher(labels);
    expect(m.replace('user-2999 and user-3000', (id) => labels.get(id) as string)).toBe(
      'L2999 and user-3000',
    );
    expect(m.finds('no one')).toBe(false);
    expect(m.finds('user-7')).toBe(true);
  });

  it('keeps digit-only ids apart for the lab’s own messages (they read as numbers there)', () => {
    const labels = labelsOf(['3', 'S3', '👍', '2025-09']);
    const { all, nonNumeric } = matchersOf(labels);
    const label = (id: string) => labels.get(id) as string;
    expect(all.replace('epoch 3 of S3', label)).toBe('epoch L0 of L1');
    expect(nonNumeric.replace('epoch 3 of S3 👍 since 2025-09', label)).toBe(
      'epoch 3 of L1 L2 since 2025-09',
    );
    expect(matchersOf(labels)).toBe(matchersOf(labels)); // built once per table
  });
});
