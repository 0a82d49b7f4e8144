// Page object for the lab: finds controls by role and accessible name (CONTRACT.md §4), as people do.
import { expect, type Locator, type Page } from '@playwright/test';

export class LabPage {
  readonly importInput: Locator;
  readonly loadSampleButton: Locator;
  readonly alert: Locator;
  readonly taskCount: Locator;
  readonly fingerprint: Locator;
  readonly usersTable: Locator;

  constructor(readonly page: Page) {
    this.importInput = page.getByLabel('Import tasks');
    this.loadSampleButton = page.getByRole('button', { name: 'Load sample data' });
    this.alert = page.getByRole('alert');
    this.taskCount = page.getByTestId('task-count');
    this.fingerprint = page.getByTestId('fingerprint');
    this.usersTable = page.getByRole('table', { name: 'Users by task count' });
  }

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.taskCount).toHaveText('917');
  }

  async importFile(path: string): Promise<void> {
    await this.importInput.setInputFiles(path);
  }

  userRow(userId: string): Locator {
    return this.usersTable
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: userId, exact: true }) });
  }
}
