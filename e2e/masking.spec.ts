// Journey: "Mask user IDs" with ids that defeat word splitting — "Alice Smith", "S-100234", "a,b",
// O'Brien, "<x>", an e-mail — on the page and in every way out: the page's DOM (text, attributes, input
// values; the summary PNG is drawn from that DOM), the report JSON, the metrics CSV, the summary HTML,
// and every file of a model bundle (unzipped, each byte read as text).
import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { LabPage } from './pages/lab-page';
import { StakeholderPage } from './pages/stakeholder-page';

const IDS = ['Alice Smith', 'S-100234', 'a,b', "O'Brien", '<x>', 'jo.brown@example.org'];

/** Each user practises for a few weeks; Alice far more than the others (the lab's dominant-user story). */
function exportWith(ids: readonly string[]): string {
  const csv = (s: string) => `"${s.replaceAll('"', '""')}"`;
  const lines = ['user_id,topic,difficulty,completed_at,is_correct,actual_time_seconds'];
  ids.forEach((id, u) => {
    const n = u === 0 ? 120 : 24;
    for (let k = 0; k < n; k++) {
      const at = new Date(Date.UTC(2025, 8, 1 + Math.floor(k / 4), 8 + (k % 4), u)).toISOString();
      const topic = ['Algebra', 'Geometry', 'Calculus'][k % 3] as string;
      const level = ['easy', 'medium', 'hard'][(k + u) % 3] as string;
      lines.push(
        [csv(id), topic, level, at, String((k * 7 + u) % 5 < 3), String(20 + ((k * 13) % 90))].join(','),
      );
    }
  });
  return lines.join('\n');
}

/** Every spelling an id may take in a file: as is, JSON-escaped, HTML-escaped, CSV-quoted. */
const spellings = (id: string) => [
  ...new Set([
    id,
    JSON.stringify(id).slice(1, -1),
    id.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`),
    id.replaceAll('"', '""'),
  ]),
];

/**
 * weights.bin holds float32 numbers only: a 3-byte id such as "<x>" is the top bytes of any weight near
 * 0.242, so there an id is looked for when it is at least one float long.
 */
const searchable = (where: string, id: string) =>
  !where.includes('.bin') || new TextEncoder().encode(id).length >= 4;

function leaks(where: string, text: string): string[] {
  return IDS.filter((id) => searchable(where, id)).flatMap((id) =>
    spellings(id)
      .filter((s) => text.includes(s))
      .map(() => `${where}: ${id}`),
  );
}

/** The DOM as text: all text (hidden too), every attribute and every field's current value. */
async function domText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts = [document.body.textContent ?? ''];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const attr of Array.from(el.attributes)) parts.push(attr.value);
      if (
        el instanceof HTMLInputElement ||
        el instanceof HTMLSelectElement ||
        el instanceof HTMLTextAreaElement
      )
        parts.push(el.value);
    }
    return parts.join('\n');
  });
}

async function downloaded(page: Page, button: string): Promise<Buffer> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return readFile(await download.path());
}

test('with Mask user IDs on, no id of any shape is left on the page or in any download', async ({
  page,
}, testInfo) => {
  test.setTimeout(400_000);
  const lab = new LabPage(page);
  await lab.open();
  const file = testInfo.outputPath('class of Alice Smith.csv');
  await writeFile(file, exportWith(IDS));
  await lab.importFile(file);
  await expect(lab.taskCount).toHaveText('240');
  // Before masking, the ids are there (so the checks below can fail).
  expect(leaks('page', await domText(page)).length).toBeGreaterThan(0);

  await page.getByLabel('Mask user IDs').check();
  await lab.quickPreset();
  await page.getByLabel('Backend').selectOption('wasm');
  await lab.trainAll();
  await expect(lab.status).toHaveText('All strategies trained', { timeout: 300_000 });

  const found = [...leaks('lab page', await domText(page))];
  const report = (await downloaded(page, 'Download report')).toString('utf8');
  found.push(...leaks('report.json', report));
  expect(JSON.parse(report).dataset.users.map((u: { userId: string }) => u.userId)).toEqual([
    'User A',
    'User B',
    'User C',
    'User D',
    'User E',
    'User F',
  ]);
  // Per-user fine-tunes name their users in phases: masked by identity, not word by word.
  expect(report).toMatch(/"phase": "fine-tune:User [A-F]"/);
  found.push(...leaks('metrics CSV', (await downloaded(page, 'Download metrics (CSV)')).toString('utf8')));

  await page.getByLabel('Strategy to export').selectOption('per-user');
  const bundle = unzipSync(await downloaded(page, 'Download model'));
  expect(Object.keys(bundle).some((name) => name.startsWith('models/user-'))).toBe(true);
  for (const [name, bytes] of Object.entries(bundle)) {
    found.push(...leaks(`bundle ${name}`, new TextDecoder().decode(bytes)));
    found.push(...leaks(`bundle ${name} (latin-1)`, new TextDecoder('latin1').decode(bytes)));
  }

  const stakeholder = new StakeholderPage(page);
  await stakeholder.open();
  // The PNG is drawn from this view's DOM: no id in it means none in the picture.
  found.push(...leaks('stakeholder view', await domText(page)));
  found.push(
    ...leaks('summary HTML', (await stakeholder.download('Download summary (HTML)')).toString('utf8')),
  );
  expect([...(await stakeholder.download('Download summary (PNG)')).subarray(0, 4)]).toEqual([
    0x89, 0x50, 0x4e, 0x47,
  ]);
  expect(found).toEqual([]);
});
