/**
 * The feature specification an exported model carries: names in column order, one-line definitions,
 * the constants and caps behind them, and a spec version. A model bundle made under another spec
 * version is refused, because the same column would mean something else. Pure TS.
 */
import {
  FEATURE_NAMES,
  LOG_GAP_SCALE,
  LOG_TIME_SCALE,
  NEUTRAL_LOG_TIME,
  RECENT_WINDOW,
  SMOOTHING_STRENGTH,
  STREAK_CLIP,
  type FeatureVersion,
} from './history-features';

/** Bump whenever a feature's definition, order or scaling changes (docs/features.md). */
export const FEATURE_SPEC_VERSION = 1;

const DEFINITIONS: Record<(typeof FEATURE_NAMES)[number], string> = {
  overall_correct_rate: 'smoothed share correct of all earlier tasks, (c + 2·0.5) / (n + 2)',
  topic_correct_rate: 'smoothed share correct in the topic, toward the overall rate',
  difficulty_correct_rate: 'smoothed share correct at the difficulty, toward the overall rate',
  topic_difficulty_correct_rate: 'smoothed share correct in topic × difficulty, toward the topic rate',
  overall_task_count: 'earlier tasks / 100 (v2: capped at 1)',
  topic_task_count: 'earlier tasks in the topic / 20 (v2: capped at 1)',
  difficulty_task_count: 'earlier tasks at the difficulty / 20 (v2: capped at 1)',
  recent_accuracy_5: 'mean outcome of the last 5 tasks; missing slots count as the overall rate',
  recent_topic_accuracy_5:
    'mean outcome of the last 5 tasks in the topic; missing slots count as the topic rate',
  streak: '+k after k correct in a row, −k after k wrong, clipped to ±10, ÷ 10',
  mean_log_time:
    'mean ln(1 + seconds) of earlier tasks ÷ ln(1 + 3600), clipped to [0, 1]; 0.5 with no history',
  topic_mean_log_time: 'the same within the topic; falls back to mean_log_time',
  time_since_previous: 'ln(1 + gap seconds) ÷ ln(1 + 30 days), clipped to [0, 1]; 1 for a first task',
};

export interface FeatureSpec {
  specVersion: number;
  version: FeatureVersion;
  names: string[];
  definitions: Record<string, string>;
  /** Counts are capped at 1 in v2 and unbounded in v1; every other feature is bounded by construction. */
  countCap: number | null;
  constants: Record<string, number>;
  /** Where the full definitions live in the lab's repository. */
  reference: string;
}

export function featureSpec(version: FeatureVersion): FeatureSpec {
  return {
    specVersion: FEATURE_SPEC_VERSION,
    version,
    names: [...FEATURE_NAMES],
    definitions: { ...DEFINITIONS },
    countCap: version === 'v2' ? 1 : null,
    constants: {
      smoothingStrength: SMOOTHING_STRENGTH,
      recentWindow: RECENT_WINDOW,
      streakClip: STREAK_CLIP,
      logTimeScale: LOG_TIME_SCALE,
      logGapScale: LOG_GAP_SCALE,
      neutralLogTime: NEUTRAL_LOG_TIME,
      overallCountDivisor: 100,
      topicCountDivisor: 20,
      difficultyCountDivisor: 20,
    },
    reference: 'docs/features.md',
  };
}
