/**
 * The recent history as a row of answers, oldest first: each a correct / incorrect toggle (a pressed
 * button reads "correct"), its time in seconds, its topic and difficulty, and a remove button; then
 * "Add an answer" and "Reset to the real answers". Every control works by keyboard and by touch.
 */
import type { LearnerAnswer } from '../../../worker/protocol';

interface Props {
  answers: readonly LearnerAnswer[];
  disabled: boolean;
  canAdd: boolean;
  edited: boolean;
  onChange(index: number, change: Partial<LearnerAnswer>): void;
  onRemove(index: number): void;
  onAdd(): void;
  onReset(): void;
}

export function AnswerRow({ answers, disabled, canAdd, edited, onChange, onRemove, onAdd, onReset }: Props) {
  return (
    <div className="answers">
      {answers.length === 0 && (
        <p className="hint">No answers yet: add some, or predict for a learner with no history.</p>
      )}
      <ol className="answers__list" aria-label="Recent answers, oldest first">
        {answers.map((a, i) => (
          <li key={i} className={`answer-chip answer-chip--${a.correct ? 'right' : 'wrong'}`}>
            <button
              type="button"
              className="answer-chip__toggle"
              aria-pressed={a.correct}
              aria-label={`Answer ${i + 1}: ${a.correct ? 'correct' : 'incorrect'} (press to flip)`}
              disabled={disabled}
              onClick={() => onChange(i, { correct: !a.correct })}
            >
              <span aria-hidden="true">{a.correct ? '✓' : '✗'}</span>
            </button>
            <label className="answer-chip__time">
              <span className="visually-hidden">Answer {i + 1} time in seconds</span>
              <input
                type="number"
                min={0}
                step="any"
                inputMode="decimal"
                value={a.seconds}
                disabled={disabled}
                onChange={(e) => {
                  const s = Number(e.target.value);
                  if (e.target.value !== '' && Number.isFinite(s) && s >= 0) onChange(i, { seconds: s });
                }}
              />
              <span aria-hidden="true">s</span>
            </label>
            <span className="answer-chip__cell" title={`${a.topic} · ${a.difficulty}`}>
              {a.topic} · {a.difficulty}
            </span>
            <button
              type="button"
              className="answer-chip__remove"
              aria-label={`Remove answer ${i + 1}`}
              disabled={disabled}
              onClick={() => onRemove(i)}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      <div className="row">
        <button type="button" className="button--small" disabled={disabled || !canAdd} onClick={onAdd}>
          Add an answer
        </button>
        <button
          type="button"
          className="button--small button--secondary"
          disabled={disabled || !edited}
          onClick={onReset}
        >
          Reset to the loaded answers
        </button>
      </div>
    </div>
  );
}
