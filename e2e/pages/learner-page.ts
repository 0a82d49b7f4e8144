// Page object for "Try a learner": the learner, the next task, the answer toggles and the predictions.
import type { Locator, Page } from '@playwright/test';

export class LearnerPage {
  readonly view: Locator;
  readonly learner: Locator;
  readonly topic: Locator;
  readonly difficulty: Locator;
  readonly answers: Locator;
  readonly predictions: Locator;

  constructor(readonly page: Page) {
    this.view = page.getByRole('tabpanel', { name: 'Try a learner' });
    this.learner = this.view.getByRole('combobox', { name: 'Learner' });
    this.topic = this.view.getByRole('combobox', { name: 'Next task: topic' });
    this.difficulty = this.view.getByRole('combobox', { name: 'Next task: difficulty' });
    this.answers = this.view
      .getByRole('list', { name: 'Recent answers, oldest first' })
      .getByRole('listitem');
    this.predictions = this.view.getByRole('table', { name: /^Next task for/ });
  }

  /** The answer's correct / incorrect toggle (1-based, oldest first). */
  toggle(n: number): Locator {
    return this.view.getByRole('button', { name: new RegExp(`^Answer ${n}: (correct|incorrect)`) });
  }

  time(n: number): Locator {
    return this.view.getByRole('spinbutton', { name: `Answer ${n} time in seconds` });
  }

  /** P(correct) and predicted time shown for each strategy, by row header. */
  async readPredictions(): Promise<Record<string, string>> {
    const rows = this.predictions.getByRole('row').filter({ has: this.page.getByRole('rowheader') });
    const out: Record<string, string> = {};
    // allTextContents does not wait: a strategy without a prediction reads as empty.
    for (const row of await rows.all()) {
      const [head] = await row.getByRole('rowheader').allTextContents();
      const p = (await row.getByTestId('p-correct').allTextContents()).join('');
      const t = (await row.getByTestId('time').allTextContents()).join('');
      if (head) out[head.trim()] = `${p} ${t}`;
    }
    return out;
  }
}
