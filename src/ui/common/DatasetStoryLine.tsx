/**
 * The masthead's question, following the data: the design note's dominant-user story where one user holds
 * at least half of the tasks, and otherwise the same question for balanced data, saying so.
 */
import { displayDatasetStory } from '../../store/dataset-story';
import { useLab } from './lab-store-context';
import { percent } from './format';

export function DatasetStoryLine() {
  const story = useLab(displayDatasetStory);
  if (!story) return <p>Which retraining strategy serves every learner well?</p>;
  return story.kind === 'dominant' ? (
    <p>
      Which retraining strategy cures a model that one dominant user has made overfit? Here{' '}
      <strong>{story.userId}</strong> holds {percent(story.share)} of the tasks.
    </p>
  ) : (
    <p>
      Which retraining strategy serves every learner well? The data loaded now is balanced: no user holds half
      of the tasks (the largest, <strong>{story.userId}</strong>, holds {percent(story.share)}).
    </p>
  );
}
