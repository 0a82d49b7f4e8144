/**
 * "Try a learner": choose a user of the dataset (their last answers load for editing) or a new learner,
 * the next task's topic and difficulty, flip answers between correct and incorrect, change their times,
 * add or remove some — and every trained strategy's P(correct) and predicted time for the next task update
 * at once. The predictions come from the models in the workers; this view only asks and draws.
 */
import { useEffect, useId } from 'react';
import { DIFFICULTIES, type Difficulty } from '../../../core/data/task';
import { displayLearnerRows } from '../../../store/learner-view';
import { MAX_ANSWERS } from '../../../store/learner-slice';
import { displaySummary } from '../../../store/report-selectors';
import { useLab } from '../../common/lab-store-context';
import { count } from '../../common/format';
import { AnswerRow } from './AnswerRow';
import { LearnerPredictions } from './LearnerPredictions';
import './learner.css';

/** Most users offered in the learner list (by task count). */
const LISTED_USERS = 200;
const NEW = 'new';

export function TryLearnerView() {
  const summary = useLab((s) => s.summary);
  const shown = useLab(displaySummary);
  const learner = useLab((s) => s.learner);
  const rows = useLab(displayLearnerRows);
  const error = useLab((s) => s.learnerError);
  const hasAnswer = useLab((s) => s.learnerPredictions !== undefined);
  const running = useLab((s) => s.runId !== undefined);
  const trained = useLab((s) => Object.values(s.results).some((r) => r.status === 'ok'));
  const choose = useLab((s) => s.chooseLearner);
  const setNext = useLab((s) => s.setLearnerNext);
  const setAnswer = useLab((s) => s.setAnswer);
  const addAnswer = useLab((s) => s.addAnswer);
  const removeAnswer = useLab((s) => s.removeAnswer);
  const resetAnswers = useLab((s) => s.resetAnswers);
  const ids = { user: useId(), topic: useId(), difficulty: useId() };

  const users = summary?.users.slice(0, LISTED_USERS) ?? [];
  const fingerprint = summary?.fingerprint;
  const firstUser = users[0]?.userId;
  // A learner to start from: the user with the most tasks, once per dataset.
  useEffect(() => {
    if (fingerprint && learner?.fingerprint !== fingerprint) void choose(firstUser);
  }, [fingerprint, learner?.fingerprint, firstUser, choose]);

  if (!summary || !shown) {
    return (
      <section className="panel" aria-labelledby="learner-heading">
        <h2 id="learner-heading">Try a learner</h2>
        <p className="hint">Load a dataset in the Lab first.</p>
      </section>
    );
  }
  const userIndex = learner?.userId === undefined ? -1 : users.findIndex((u) => u.userId === learner.userId);
  const selected = userIndex < 0 ? NEW : String(userIndex);
  const topics = summary.topics.map((t) => t.topic);
  const edited = learner !== undefined && learner.recent !== learner.original;
  const who =
    learner?.userId === undefined ? 'a new learner' : (shown.users[userIndex]?.userId ?? 'this learner');
  return (
    <section className="panel" aria-labelledby="learner-heading">
      <h2 id="learner-heading">Try a learner</h2>
      <p className="hint">
        Pick a learner, change their recent answers, and see what every trained strategy now predicts for
        their next task: a model that responds should rise after correct answers and fall after incorrect
        ones, and a saturated one barely moves.
      </p>
      <div className="row learner-controls">
        <label className="field" htmlFor={ids.user}>
          Learner
          <select
            id={ids.user}
            value={selected}
            onChange={(e) =>
              void choose(e.target.value === NEW ? undefined : users[Number(e.target.value)]?.userId)
            }
          >
            {users.map((u, i) => (
              <option key={i} value={String(i)}>
                {shown.users[i]?.userId} ({count(u.tasks)} tasks)
              </option>
            ))}
            <option value={NEW}>A new learner (no history)</option>
          </select>
        </label>
        <label className="field" htmlFor={ids.topic}>
          Next task: topic
          <select
            id={ids.topic}
            value={learner?.next.topic ?? ''}
            disabled={!learner}
            onChange={(e) => setNext({ topic: e.target.value })}
          >
            {topics.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label className="field" htmlFor={ids.difficulty}>
          Next task: difficulty
          <select
            id={ids.difficulty}
            value={learner?.next.difficulty ?? 'medium'}
            disabled={!learner}
            onChange={(e) => setNext({ difficulty: e.target.value as Difficulty })}
          >
            {DIFFICULTIES.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
      </div>
      {learner && (
        <>
          <h3 className="learner-subhead">
            Recent answers of {who}
            {learner.userId !== undefined &&
              ` (the last ${learner.original.length} of ${count(learner.totalTasks)}; earlier ones stay as they were)`}
          </h3>
          <AnswerRow
            answers={learner.recent}
            disabled={running}
            canAdd={learner.recent.length < MAX_ANSWERS}
            edited={edited}
            onChange={setAnswer}
            onRemove={removeAnswer}
            onAdd={addAnswer}
            onReset={resetAnswers}
          />
        </>
      )}
      {running && <p className="callout">Training is running: the predictions update when it ends.</p>}
      {error && <p className="alert__refusal">{error}</p>}
      {!trained ? (
        <p className="callout">
          Train the strategies in the Lab to see their predictions here (trained models live in this page
          only: after a reload, train again).
        </p>
      ) : rows.length === 0 ? (
        hasAnswer && (
          <p className="callout">
            The results shown in the Lab were restored from your last visit, but trained models live in this
            page only: train the strategies again to try a learner.
          </p>
        )
      ) : (
        learner && (
          <LearnerPredictions
            rows={rows}
            caption={`Next task for ${who}: ${learner.next.topic}, ${learner.next.difficulty}. The thin mark on each bar is the prediction for the answers as loaded.`}
          />
        )
      )}
    </section>
  );
}
