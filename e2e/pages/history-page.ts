// Page object for the run history: the list of runs, each run's card and the side-by-side comparison.
import type { Locator, Page } from '@playwright/test';

export class HistoryPage {
  readonly view: Locator;
  readonly runs: Locator;
  readonly compare: Locator;

  constructor(readonly page: Page) {
    this.view = page.getByRole('tabpanel', { name: 'Run history' });
    this.runs = this.view.getByRole('list', { name: 'Training runs, newest first' }).getByRole('article');
    this.compare = this.view.getByRole('region', { name: /side by side/ }).getByRole('table');
  }

  run(name: string): Locator {
    return this.view.getByRole('article', { name, exact: true });
  }

  async rename(from: string, to: string): Promise<void> {
    await this.view.getByRole('button', { name: `Rename ${from}` }).click();
    const field = this.view.getByRole('textbox', { name: `New name for ${from}` });
    await field.fill(to);
    await field.press('Enter');
  }

  async remove(name: string): Promise<void> {
    await this.view.getByRole('button', { name: `Delete ${name}` }).click();
    await this.view.getByRole('button', { name: `Yes, delete ${name}` }).click();
  }
}
