/**
 * The dataset summary the lab and `retrain-lab inspect` show: rows, skips, users by share (the design note's
 * "before balancing" table), topic × difficulty counts, date range, correct rates and the fingerprint.
 */
import { digestFingerprint, FingerprintWriter } from './fingerprint';
import { DIFFICULTIES, type Dataset, type Difficulty } from './task';

export interface UserSummary {
  userId: string;
  tasks: number;
  /** Share of all tasks, 0–1. */
  share: number;
  /** Share of the user's tasks answered correctly, 0–1. */
  correctRate: number;
}

export interface TopicSummary {
  topic: string;
  counts: Record<Difficulty, number>;
  total: number;
}

export interface DatasetSummary {
  fileName: string;
  rows: number;
  skippedRows: number;
  notCompletedRows: number;
  fingerprint: string;
  users: UserSummary[];
  topics: TopicSummary[];
  firstTaskAt: string;
  lastTaskAt: string;
  correctRate: number;
  hasPredictedCorrect: boolean;
  hasTrueP: boolean;
}

export async function summarizeDataset(dataset: Dataset): Promise<DatasetSummary> {
  const { tasks, report } = dataset;
  // One walk over the tasks serves the tables and the fingerprint: users and topics are numbered as
  // they first appear, and the fingerprint writer renumbers them in name order at the end.
  const byUser = new Map<string, { id: number; tasks: number; correct: number }>();
  const byTopic = new Map<string, { id: number; counts: Record<Difficulty, number> }>();
  const fingerprint = new FingerprintWriter(tasks.length);
  let correct = 0;
  let first = Infinity;
  let last = -Infinity;
  let hasPredictedCorrect = false;
  let hasTrueP = false;
  for (const t of tasks) {
    let u = byUser.get(t.userId);
    if (u === undefined) byUser.set(t.userId, (u = { id: byUser.size, tasks: 0, correct: 0 }));
    u.tasks++;
    if (t.isCorrect) u.correct++;
    let topic = byTopic.get(t.topic);
    if (topic === undefined)
      byTopic.set(t.topic, (topic = { id: byTopic.size, counts: { easy: 0, medium: 0, hard: 0 } }));
    topic.counts[t.difficulty]++;
    fingerprint.add(t, u.id, topic.id);
    if (t.isCorrect) correct++;
    if (t.completedAtMs < first) first = t.completedAtMs;
    if (t.completedAtMs > last) last = t.completedAtMs;
    if (t.predictedCorrect !== undefined) hasPredictedCorrect = true;
    if (t.trueP !== undefined) hasTrueP = true;
  }
  const n = tasks.length;
  const users = [...byUser]
    .map(([userId, u]) => ({ userId, tasks: u.tasks, share: u.tasks / n, correctRate: u.correct / u.tasks }))
    .sort((a, b) => b.tasks - a.tasks || (a.userId < b.userId ? -1 : 1));
  const topics = [...byTopic]
    .map(([topic, { counts }]) => ({ topic, counts, total: DIFFICULTIES.reduce((s, d) => s + counts[d], 0) }))
    .sort((a, b) => b.total - a.total || (a.topic < b.topic ? -1 : 1));
  return {
    fileName: report.fileName,
    rows: n,
    skippedRows: report.skippedRows,
    notCompletedRows: report.notCompletedRows,
    fingerprint: await digestFingerprint(fingerprint.bytes([...byUser.keys()], [...byTopic.keys()])),
    users,
    topics,
    firstTaskAt: new Date(first).toISOString(),
    lastTaskAt: new Date(last).toISOString(),
    correctRate: correct / n,
    hasPredictedCorrect,
    hasTrueP,
  };
}
