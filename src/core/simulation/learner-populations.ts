/**
 * The learner populations the fixtures are made of: the design note's four-user shape and a
 * heavy-tailed population for the bigger files. Pure specs (the simulator turns them into tasks).
 */
import { createRng } from '../random/rng';
import type { LearnerSpec } from './learner-model';

export const TOPICS = [
  'Calculus',
  'Algebra',
  'Geometry',
  'Statistics',
  'Trigonometry',
  'Probability',
  'Linear Algebra',
  'Number Theory',
] as const;

/** The design note's 917-task shape: one dominant, strong user on easy Calculus and three weaker ones. */
export function seedShapedUsers(): LearnerSpec[] {
  return [
    {
      userId: 'bulk@example.com',
      tasks: 846,
      abilityMean: 0.8,
      abilitySpread: 0.3,
      topicWeights: { Calculus: 0.86, Algebra: 0.06, Geometry: 0.04, Statistics: 0.04 },
      difficultyWeights: { easy: 0.88, medium: 0.1, hard: 0.02 },
      speed: 0.8,
    },
    {
      userId: 'you2@example.com',
      tasks: 59,
      abilityMean: 0.3,
      abilitySpread: 0.4,
      topicWeights: { Calculus: 0.3, Algebra: 0.25, Geometry: 0.2, Statistics: 0.15, Trigonometry: 0.1 },
      difficultyWeights: { easy: 0.4, medium: 0.4, hard: 0.2 },
    },
    {
      userId: 'nigag@example.com',
      tasks: 9,
      abilityMean: -0.5,
      topicWeights: { Calculus: 0.4, Geometry: 0.3, Trigonometry: 0.3 },
      difficultyWeights: { easy: 0.3, medium: 0.4, hard: 0.3 },
      speed: 1.2,
    },
    {
      userId: 'asss77@example.com',
      tasks: 3,
      abilityMean: -0.3,
      topicWeights: { Statistics: 0.5, Trigonometry: 0.5 },
      difficultyWeights: { easy: 0.3, medium: 0.4, hard: 0.3 },
      speed: 1.4,
    },
  ];
}

/** A heavy-tailed population: Zipf-like task counts (with jitter) summing exactly to totalTasks, each ≥ 2. */
export function populationUsers(
  seed: number | string,
  users: number,
  totalTasks: number,
  zipf = 1.4,
): LearnerSpec[] {
  if (totalTasks < 2 * users) throw new Error('every user needs at least 2 tasks');
  const rng = createRng(`${seed}:population`);
  const raw = Array.from({ length: users }, (_, i) => Math.pow(i + 1, -zipf) * Math.exp(0.3 * rng.normal()));
  const scale = (totalTasks - 2 * users) / raw.reduce((s, w) => s + w, 0);
  const counts = raw.map((w) => 2 + Math.floor(w * scale));
  const heaviest = raw.indexOf(Math.max(...raw));
  counts[heaviest] = (counts[heaviest] as number) + totalTasks - counts.reduce((s, c) => s + c, 0);
  return counts.map((tasks, i) => {
    const topics = rng.shuffle([...TOPICS]).slice(0, 2 + rng.int(4));
    return {
      userId: `learner${String(i + 1).padStart(4, '0')}@example.com`,
      tasks,
      abilityMean: 0.3 + 0.8 * rng.normal(),
      topicWeights: Object.fromEntries(topics.map((t) => [t, Math.exp(rng.normal())])),
      difficultyWeights: {
        easy: Math.exp(0.7 * rng.normal()),
        medium: Math.exp(0.7 * rng.normal()),
        hard: 0.6 * Math.exp(0.7 * rng.normal()),
      },
      speed: Math.exp(0.25 * rng.normal()),
    };
  });
}
