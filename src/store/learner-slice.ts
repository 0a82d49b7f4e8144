/**
 * "Try a learner": a learner (a user of the dataset, or a new one), the next task's topic and difficulty,
 * and a recent history a person edits — and every trained strategy's P(correct) and predicted time for
 * that next task, asked of the worker after each edit (the latest answer wins; React never predicts).
 */
import type { StateCreator } from 'zustand/vanilla';
import type { DatasetSummary } from '../core/data/summarize-dataset';
import type { Difficulty } from '../core/data/task';
import type { LabClient } from '../worker/lab-client';
import type { LearnerAnswer, WhatIfPrediction } from '../worker/protocol';

/** How many of a user's last answers are offered for editing. */
export const RECENT_ANSWERS = 8;
/** Most answers a recent history may hold. */
export const MAX_ANSWERS = 20;

export interface LearnerDraft {
  /** The dataset the draft belongs to. */
  fingerprint: string;
  /** A dataset user, or undefined for a new learner. */
  userId?: string;
  /** How many of the user's real last tasks the edited answers replace. */
  replaced: number;
  /** The user's tasks in the data (0 for a new learner). */
  totalTasks: number;
  /** The real answers as loaded, to reset edits to. */
  original: LearnerAnswer[];
  recent: LearnerAnswer[];
  next: { topic: string; difficulty: Difficulty };
}

export interface LearnerSlice {
  learner?: LearnerDraft;
  learnerPredictions?: WhatIfPrediction[];
  /** The predictions for the learner's answers as loaded (unedited): what the edits are read against. */
  learnerBaseline?: WhatIfPrediction[];
  learnerError?: string;
  /** Choose a dataset user (their last answers are loaded for editing) or, with undefined, a new learner. */
  chooseLearner(userId: string | undefined): Promise<void>;
  setLearnerNext(next: Partial<LearnerDraft['next']>): void;
  setAnswer(index: number, change: Partial<LearnerAnswer>): void;
  addAnswer(): void;
  removeAnswer(index: number): void;
  resetAnswers(): void;
  /** Ask the worker again (after an edit, or when a run ends). */
  refreshWhatIf(): Promise<void>;
}

type Deps = LearnerSlice & {
  summary?: DatasetSummary;
  results: Record<string, unknown>;
  runId?: number;
};

const clampSeconds = (s: number) => (Number.isFinite(s) && s >= 0 ? s : 0);

export const createLearnerSlice =
  (client: LabClient): StateCreator<Deps, [], [], LearnerSlice> =>
  (set, get) => {
    let asked = 0;
    const edit = (change: (d: LearnerDraft) => LearnerDraft) => {
      const draft = get().learner;
      if (!draft) return;
      set({ learner: change(draft) });
      void get().refreshWhatIf();
    };
    return {
      async chooseLearner(userId) {
        const summary = get().summary;
        if (!summary) return;
        const fallbackTopic = summary.topics[0]?.topic ?? '';
        let found: { answers: LearnerAnswer[]; totalTasks: number } = { answers: [], totalTasks: 0 };
        try {
          if (userId !== undefined) found = await client.learnerRecent(userId, RECENT_ANSWERS);
        } catch (error) {
          set({ learnerError: (error as Error).message });
          return;
        }
        const last = found.answers.at(-1);
        const current = get().learner;
        set({
          learnerError: undefined,
          learnerPredictions: undefined,
          learnerBaseline: undefined,
          learner: {
            fingerprint: summary.fingerprint,
            userId,
            replaced: found.answers.length,
            totalTasks: found.totalTasks,
            original: found.answers,
            recent: found.answers,
            next:
              current?.fingerprint === summary.fingerprint
                ? current.next
                : {
                    topic: last?.topic ?? fallbackTopic,
                    difficulty: last?.difficulty ?? 'medium',
                  },
          },
        });
        await get().refreshWhatIf();
      },
      setLearnerNext: (next) => edit((d) => ({ ...d, next: { ...d.next, ...next } })),
      setAnswer: (index, change) =>
        edit((d) => ({
          ...d,
          recent: d.recent.map((a, i) =>
            i === index ? { ...a, ...change, seconds: clampSeconds(change.seconds ?? a.seconds) } : a,
          ),
        })),
      addAnswer: () =>
        edit((d) =>
          d.recent.length >= MAX_ANSWERS
            ? d
            : {
                ...d,
                recent: [
                  ...d.recent,
                  {
                    topic: d.next.topic,
                    difficulty: d.next.difficulty,
                    correct: true,
                    seconds: d.recent.at(-1)?.seconds ?? 30,
                  },
                ],
              },
        ),
      removeAnswer: (index) =>
        edit((d) => ({
          ...d,
          recent: d.recent.filter((_, i) => i !== index),
          // A real answer removed from the end stays removed: it is one of the replaced tasks.
        })),
      resetAnswers: () => edit((d) => ({ ...d, recent: d.original })),
      async refreshWhatIf() {
        const draft = get().learner;
        if (!draft || get().runId !== undefined) return;
        if (draft.fingerprint !== get().summary?.fingerprint) {
          set({ learner: undefined, learnerPredictions: undefined });
          return;
        }
        const ticket = ++asked;
        const reply = await client
          .whatIf({ userId: draft.userId, replaced: draft.replaced, recent: draft.recent, next: draft.next })
          .catch((error: Error) => ({ kind: 'what-if-failed' as const, message: error.message }));
        if (ticket !== asked) return; // a later edit asked again: its answer is the one to show
        if (reply.kind === 'what-if')
          set({
            learnerPredictions: reply.predictions,
            learnerError: undefined,
            // Answers as loaded (never edited, or reset): these predictions are the baseline.
            ...(draft.recent === draft.original ? { learnerBaseline: reply.predictions } : {}),
          });
        else set({ learnerError: reply.message });
      },
    };
  };
