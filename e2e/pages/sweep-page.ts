// Page object for step 6, "Sweep a setting": the form, the sweep's status, its results and downloads,
// found by role and accessible name as people find them.
import { expect, type Locator, type Page } from '@playwright/test';

export class SweepPage {
  readonly panel: Locator;
  readonly status: Locator;
  readonly headline: Locator;
  readonly pointsTable: Locator;

  constructor(readonly page: Page) {
    this.panel = page
      .locator('section')
      .filter({ has: page.getByRole('heading', { name: '6. Sweep a setting', exact: true }) });
    this.status = page.getByTestId('sweep-status');
    this.headline = page.getByTestId('sweep-headline');
    this.pointsTable = this.panel.getByRole('table', { name: /^Sweep points/ });
  }

  /** One strategy option in step 3 (its options are in a collapsed section until opened). */
  async setStrategyOption(strategy: string, option: string, value: string): Promise<void> {
    const card = this.page
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('checkbox', { name: strategy, exact: true }) });
    const details = card.locator('details').first();
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open)))
      await card.getByText(/^Options/).click();
    await card.getByLabel(option, { exact: true }).fill(value);
  }

  /** Fills the form: base, one parameter and its values, the repeats. */
  async choose(base: string, parameter: string, values: string, repeats: number): Promise<void> {
    await this.panel.getByLabel('Sweep from').selectOption({ label: base });
    await this.panel.getByLabel('Parameter', { exact: true }).selectOption({ label: parameter });
    await this.panel.getByLabel('Values', { exact: true }).fill(values);
    await this.panel.getByLabel('Sweep repeats').fill(String(repeats));
  }

  /** Records every text the status line shows from now on (a quick sweep passes its progress in seconds). */
  async recordStatus(): Promise<() => Promise<string[]>> {
    await this.page.evaluate(() => {
      const line = document.querySelector('[data-testid="sweep-status"]') as HTMLElement;
      const seen: string[] = [];
      (window as unknown as { sweepStatuses: string[] }).sweepStatuses = seen;
      new MutationObserver(() => seen.push(line.textContent ?? '')).observe(line, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    return () => this.page.evaluate(() => (window as unknown as { sweepStatuses: string[] }).sweepStatuses);
  }

  async run(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Run sweep' }).click();
  }

  async cancel(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Cancel sweep' }).click();
  }

  async waitDone(timeout = 120_000): Promise<void> {
    await expect(this.status).toHaveText(/^Sweep done/, { timeout });
  }

  chart(name: string): Locator {
    return this.panel.getByRole('figure', { name, exact: true });
  }

  async useValue(pointLabel: string): Promise<void> {
    await this.panel.getByRole('button', { name: `Use this value: ${pointLabel}`, exact: true }).click();
  }

  /** Clicks "Download sweep (JSON)" and returns the file's name and parsed contents. */
  async download(): Promise<{ name: string; json: unknown; text: string }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.panel.getByRole('button', { name: 'Download sweep (JSON)' }).click(),
    ]);
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(await download.path(), 'utf8');
    return { name: download.suggestedFilename(), json: JSON.parse(text) as unknown, text };
  }
}
