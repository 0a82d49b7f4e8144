/**
 * Vocabularies for user, topic and difficulty with index 0 reserved for "unknown": an unseen user
 * or topic at prediction time gathers row 0 (a fallback) instead of an out-of-range row, which the
 * cpu backend rejects and WebGL silently turns into zeros. Pure TS: no tfjs.
 */
import { DIFFICULTIES, type Task } from '../data/task';

/** Index of the reserved unknown token in every vocabulary. */
export const UNKNOWN_INDEX = 0;

export interface Vocabulary {
  /** Known tokens; token `tokens[i]` has index i + 1. */
  readonly tokens: readonly string[];
  /** Embedding rows needed: tokens.length + 1 (the unknown row). */
  readonly size: number;
  /** Index of a token, UNKNOWN_INDEX when it was not seen. */
  indexOf(token: string): number;
}

/** A vocabulary over the given tokens in first-seen order (duplicates ignored). */
export function createVocabulary(tokens: Iterable<string>): Vocabulary {
  const map = new Map<string, number>();
  for (const t of tokens) if (!map.has(t)) map.set(t, map.size + 1);
  const list = [...map.keys()];
  return {
    tokens: list,
    size: list.length + 1,
    indexOf: (token) => map.get(token) ?? UNKNOWN_INDEX,
  };
}

export interface Encoders {
  user: Vocabulary;
  topic: Vocabulary;
  difficulty: Vocabulary;
}

/** Plain-JSON form of the encoders, stored in model metadata so an exported model can be reused. */
export interface EncodersJson {
  users: string[];
  topics: string[];
  difficulties: string[];
}

/** Encoders from the tasks a strategy learns from; difficulty always has easy/medium/hard. */
export function buildEncoders(tasks: Iterable<Task>): Encoders {
  const users: string[] = [];
  const topics: string[] = [];
  for (const t of tasks) {
    users.push(t.userId);
    topics.push(t.topic);
  }
  return {
    user: createVocabulary(users),
    topic: createVocabulary(topics),
    difficulty: createVocabulary(DIFFICULTIES),
  };
}

export function encodersToJson(e: Encoders): EncodersJson {
  return { users: [...e.user.tokens], topics: [...e.topic.tokens], difficulties: [...e.difficulty.tokens] };
}

export function encodersFromJson(j: EncodersJson): Encoders {
  return {
    user: createVocabulary(j.users),
    topic: createVocabulary(j.topics),
    difficulty: createVocabulary(j.difficulties),
  };
}
