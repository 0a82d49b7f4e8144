// Page object for the lab: finds controls by role and accessible name (docs/contract.md §4), as people do.
import { expect, type Locator, type Page } from '@playwright/test';

export class LabPage {
  readonly importInput: Locator;
  readonly loadSampleButton: Locator;
  readonly alert: Locator;
  readonly taskCount: Locator;
  readonly fingerprint: Locator;
  readonly usersTable: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.importInput = page.getByLabel('Import tasks');
    this.loadSampleButton = page.getByRole('button', { name: 'Load sample data' });
    this.alert = page.getByRole('alert');
    this.taskCount = page.getByTestId('task-count');
    this.fingerprint = page.getByTestId('fingerprint');
    this.usersTable = page.getByRole('table', { name: 'Users by task count' });
    this.status = page.getByRole('status');
  }

  /**
   * A tenth of the epochs and, unless told otherwise, one seed per strategy: the journeys that are not
   * about repeats stay as quick as before the lab's default became several seeds.
   */
  async quickPreset(repeats = 1): Promise<void> {
    // The strategy list arrives from the worker; wait for it before changing options.
    await expect(this.page.getByRole('checkbox', { name: '6. Per-user models' })).toBeVisible();
    await this.page.getByRole('button', { name: 'Quick (epochs ÷ 10)' }).click();
    await this.setRepeats(repeats);
  }

  /** The Repeats field: seeds per strategy. */
  async setRepeats(repeats: number): Promise<void> {
    await this.page.getByLabel('Repeats', { exact: true }).fill(String(repeats));
  }

  async trainAll(): Promise<void> {
    await this.page.getByRole('button', { name: 'Train all strategies' }).click();
  }

  /** Quick preset, Train all strategies, and wait until the status says so. */
  async trainQuickly(timeout = 240_000): Promise<void> {
    await this.quickPreset();
    await this.trainAll();
    await expect(this.status).toHaveText('All strategies trained', { timeout });
  }

  /** The page's views: Lab, Try a learner, Run history, Stakeholder summary. */
  tab(name: string): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }

  async openView(name: string): Promise<void> {
    await this.tab(name).click();
    await expect(this.tab(name)).toHaveAttribute('aria-selected', 'true');
  }

  /** Document width beyond the viewport: 0 when nothing scrolls sideways. */
  async horizontalOverflow(): Promise<number> {
    return this.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
  }

  /** Clicks "Download report" and returns the parsed JSON the browser saved. */
  async downloadReport(): Promise<unknown> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: 'Download report' }).click(),
    ]);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  }

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.taskCount).toHaveText('917');
  }

  async importFile(path: string): Promise<void> {
    await this.importInput.setInputFiles(path);
  }

  /** fixtures/medium.csv (20,000 tasks): where a journey needs training that lasts seconds. */
  async importMedium(): Promise<void> {
    await this.importFile('fixtures/medium.csv');
    await expect(this.taskCount).toHaveText('20,000');
  }

  userRow(userId: string): Locator {
    return this.usersTable
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: userId, exact: true }) });
  }
}
