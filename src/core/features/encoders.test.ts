import { describe, expect, it } from 'vitest';
import { syntheticTasks } from '../testing/test-data.test-helper';
import { buildEncoders, createVocabulary, encodersFromJson, encodersToJson, UNKNOWN_INDEX } from './encoders';

describe('vocabularies', () => {
  it('reserve index 0 for unknown tokens', () => {
    const v = createVocabulary(['a', 'b', 'a']);
    expect(v.size).toBe(3);
    expect([v.indexOf('a'), v.indexOf('b'), v.indexOf('zzz')]).toEqual([1, 2, UNKNOWN_INDEX]);
  });

  it('always know the three difficulties and round-trip through JSON', () => {
    const e = buildEncoders(syntheticTasks(50, 1));
    expect(e.difficulty.tokens).toEqual(['easy', 'medium', 'hard']);
    const back = encodersFromJson(JSON.parse(JSON.stringify(encodersToJson(e))));
    expect(back.user.indexOf('user0@example.com')).toBe(e.user.indexOf('user0@example.com'));
    expect(back.topic.size).toBe(e.topic.size);
  });
});
