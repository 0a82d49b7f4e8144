/**
 * What a strategy's options will do that a person may not expect, said before anything trains: an epoch
 * count of 0 trains nothing in its phase (all of them: the model is scored with its random initial
 * weights), and a per-user threshold no user reaches trains no per-user model. Read from option names,
 * so a strategy or recipe with the same knobs gets the same notices. Pure; no tfjs.
 */
import type { Task } from '../data/task';

const EPOCHS = /epochs$/i;

/** Whether each phase trains nothing, from the strategy's epoch options (absent → not known). */
function untrainedPhases(options: Readonly<Record<string, unknown>>): { zero: string[]; all: boolean } {
  const epochKeys = Object.keys(options).filter((k) => EPOCHS.test(k) && typeof options[k] === 'number');
  const zero = epochKeys.filter((k) => options[k] === 0);
  // The per-user fine-tune alone at 0 still trains the base: "all" means every epoch count is 0.
  return { zero, all: zero.length > 0 && zero.length === epochKeys.length };
}

const countWords = (n: number, one: string) => `${n.toLocaleString('en-US')} ${one}${n === 1 ? '' : 's'}`;

/**
 * The notices for one strategy's options on the training rows (`trainIndices` into `tasks`), one
 * sentence each; empty when the options do what their names say.
 */
export function optionNotices(
  options: Readonly<Record<string, unknown>>,
  tasks: readonly Task[],
  trainIndices: readonly number[],
): string[] {
  const notices: string[] = [];
  const { zero, all } = untrainedPhases(options);
  if (all)
    notices.push(
      `${zero.join(' and ')} ${zero.length === 1 ? 'is' : 'are'} 0: nothing trains, so this strategy is scored with its untrained (random) initial weights.`,
    );
  else for (const key of zero) notices.push(`${key} is 0: that phase is skipped (the others train as set).`);

  const minTasks = options.minTasks;
  if (typeof minTasks === 'number' && trainIndices.length > 0) {
    const perUser = new Map<string, number>();
    for (const i of trainIndices) {
      const u = (tasks[i] as Task).userId;
      perUser.set(u, (perUser.get(u) ?? 0) + 1);
    }
    const most = Math.max(...perUser.values());
    const reaching = [...perUser.values()].filter((n) => n >= minTasks).length;
    if (reaching === 0)
      notices.push(
        `minTasks is ${minTasks}, above every user's training tasks (the most any user has is ${most}): no per-user model is trained, and every user gets the shared base model's predictions.`,
      );
    else
      notices.push(
        `${countWords(reaching, 'user')} of ${perUser.size.toLocaleString('en-US')} ${reaching === 1 ? 'has' : 'have'} at least ${minTasks} training tasks and ${reaching === 1 ? 'gets' : 'get'} a model of ${reaching === 1 ? 'its' : 'their'} own; the others use the base model.`,
      );
  }
  return notices;
}
