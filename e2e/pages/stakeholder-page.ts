// Page object for the stakeholder view and for what the page and its downloads reveal of user ids.
import { expect, type Locator, type Page } from '@playwright/test';

export class StakeholderPage {
  readonly tab: Locator;
  readonly labTab: Locator;
  readonly view: Locator;
  readonly recommendation: Locator;
  readonly checkMarks: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByRole('tab', { name: 'Stakeholder summary' });
    this.labTab = page.getByRole('tab', { name: 'Lab' });
    this.view = page.getByRole('tabpanel', { name: 'Stakeholder summary' });
    this.recommendation = this.view.getByTestId('recommendation');
    this.checkMarks = this.view.getByRole('img', { name: /^(passes|fails)$/ });
  }

  async open(): Promise<void> {
    await this.tab.click();
    await expect(this.tab).toHaveAttribute('aria-selected', 'true');
  }

  /** Clicks a download button and returns the saved file's bytes. */
  async download(buttonName: string): Promise<Buffer> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: buttonName }).click(),
    ]);
    const { readFile } = await import('node:fs/promises');
    return readFile(await download.path());
  }
}

/**
 * Every place of the DOM where an '@' shows or hides: rendered text, all text (hidden too), every
 * attribute value, and the current value of every input, select, option and textarea.
 */
export async function atSignsInDom(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const around = (text: string) => {
      const i = text.indexOf('@');
      return text.slice(Math.max(0, i - 30), i + 30);
    };
    if (document.body.innerText.includes('@')) found.push(`text: ${around(document.body.innerText)}`);
    const all = document.body.textContent ?? '';
    if (all.includes('@')) found.push(`hidden text: ${around(all)}`);
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const attr of Array.from(el.attributes)) {
        if (attr.value.includes('@')) found.push(`${el.tagName} ${attr.name}="${around(attr.value)}"`);
      }
      if (
        el instanceof HTMLInputElement ||
        el instanceof HTMLSelectElement ||
        el instanceof HTMLOptionElement ||
        el instanceof HTMLTextAreaElement
      ) {
        if (el.value.includes('@')) found.push(`${el.tagName} value ${around(el.value)}`);
      }
    }
    return found;
  });
}
