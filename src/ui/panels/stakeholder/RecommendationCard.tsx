/**
 * The answer in one sentence with its reasons: the recommended strategy, or — when none passes all three
 * checks — the closest one, plainly not called recommended.
 */
import { MACRO_LOG_LOSS_NOTE, type Recommendation } from '../../../core/report/recommend-strategy';

export function RecommendationCard({ recommendation }: { recommendation: Recommendation }) {
  const tone = recommendation.kind === 'recommended' ? 'answer--good' : 'answer--warn';
  return (
    <div className={`answer ${tone}`} data-testid="recommendation">
      <p className="answer__headline">{recommendation.headline}</p>
      {recommendation.reasons.length > 0 && (
        <ul className="answer__reasons">
          {recommendation.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      <p className="hint">{MACRO_LOG_LOSS_NOTE}</p>
    </div>
  );
}
