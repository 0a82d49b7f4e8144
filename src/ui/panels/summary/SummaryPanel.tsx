/**
 * Step 2: what was loaded — tasks, skipped rows, date range, fingerprint, the users table (the design note's
 * "before balancing" view of who dominates) and the topic × difficulty counts.
 */
import { displaySummary } from '../../../store/report-selectors';
import { useLab } from '../../common/lab-store-context';
import { count, day, percent } from '../../common/format';
import { ImportWarnings } from './ImportWarnings';
import { UsersTable } from './UsersTable';
import { TopicTable } from './TopicTable';
import { displayDatasetStory } from '../../../store/dataset-story';

export function SummaryPanel() {
  // Masked ("User A", …) when "Mask user IDs" is on.
  const summary = useLab(displaySummary);
  const importMs = useLab((s) => s.importMs);
  const story = useLab(displayDatasetStory);
  if (!summary) {
    return (
      <section className="panel" aria-labelledby="summary-heading">
        <h2 id="summary-heading">2. Dataset</h2>
        <p className="hint">No dataset loaded yet.</p>
      </section>
    );
  }
  return (
    <section className="panel" aria-labelledby="summary-heading">
      <h2 id="summary-heading">2. Dataset: {summary.fileName}</h2>
      <dl className="facts" aria-label="Dataset facts">
        <div>
          <dt>Tasks</dt>
          <dd data-testid="task-count">{count(summary.rows)}</dd>
        </div>
        <div>
          <dt>Skipped rows</dt>
          <dd>{count(summary.skippedRows)}</dd>
        </div>
        <div>
          <dt>Users</dt>
          <dd>{count(summary.users.length)}</dd>
        </div>
        <div>
          <dt>Topics</dt>
          <dd>{count(summary.topics.length)}</dd>
        </div>
        <div>
          <dt>Dates</dt>
          <dd>
            {day(summary.firstTaskAt)} – {day(summary.lastTaskAt)}
          </dd>
        </div>
        <div>
          <dt>Correct</dt>
          <dd>{percent(summary.correctRate)}</dd>
        </div>
      </dl>
      <ImportWarnings />
      {story?.kind === 'dominant' && (
        <p className="callout" data-testid="dataset-story">
          <strong>{story.userId}</strong> owns {percent(story.share)} of all tasks: a model with a user
          embedding will learn mostly this user — the overfitting the six strategies try to cure.
        </p>
      )}
      {story?.kind === 'balanced' && (
        <p className="callout" data-testid="dataset-story">
          The data is balanced: no user holds half of the tasks (the largest, <strong>{story.userId}</strong>,
          holds {percent(story.share)}; {count(story.users)} users). The dominant-user overfitting of the
          design note needs one user to outweigh the rest, so here the checks show whether each strategy
          serves every user alike rather than which cures it.
        </p>
      )}
      <p className="hint">
        Fingerprint <code data-testid="fingerprint">{summary.fingerprint}</code>
        {summary.notCompletedRows > 0 &&
          ` · ${count(summary.notCompletedRows)} rows left out as not completed`}
        {importMs !== undefined && (
          <>
            {' · read in '}
            <span data-testid="import-seconds">{(importMs / 1000).toFixed(2)}</span> s
          </>
        )}
      </p>
      <div className="columns">
        <UsersTable users={summary.users} />
        <TopicTable topics={summary.topics} />
      </div>
    </section>
  );
}
