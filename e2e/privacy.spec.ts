// Journeys: data never leaves the machine. Import and train (WASM, then Auto) while recording every
// request of the page and its worker: none may go to another origin, and the strict Content-Security-
// Policy must hold without a single violation. The policy is really enforced (eval, remote fetches and
// inline script are refused, in the page and in the worker), and a user id made of HTML renders as text.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page, type Worker } from '@playwright/test';
import {
  CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY_HEADER,
} from '../src/platform/content-security-policy';
import { CATALOGUE } from '../src/core/strategies/catalogue';
import { LabPage } from './pages/lab-page';
import { StakeholderPage } from './pages/stakeholder-page';

interface Violation {
  where: string;
  directive: string;
  blocked: string;
  sample: string;
  source: string;
}

type Scope = { __cspViolations?: Violation[] };

/** Records securitypolicyviolation events from the first moment of the page (init script: CDP, not inline). */
async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const scope = globalThis as unknown as Scope;
    scope.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      scope.__cspViolations?.push({
        where: 'page',
        directive: e.effectiveDirective,
        blocked: e.blockedURI,
        sample: e.sample,
        source: `${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
      }),
    );
  });
}

/** A worker's violations: listened for from when Playwright sees the worker (its first moments are also in the console). */
async function watchWorker(worker: Worker): Promise<void> {
  await worker
    .evaluate(() => {
      const scope = self as unknown as Scope;
      scope.__cspViolations ??= [];
      self.addEventListener('securitypolicyviolation', (e) =>
        scope.__cspViolations?.push({
          where: 'worker',
          directive: e.effectiveDirective,
          blocked: e.blockedURI,
          sample: e.sample,
          source: `${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
        }),
      );
    })
    .catch(() => undefined); // a worker that already ended has nothing more to report
}

async function violations(page: Page): Promise<Violation[]> {
  const found = await page.evaluate(() => (globalThis as unknown as Scope).__cspViolations ?? []);
  for (const worker of page.workers())
    found.push(...(await worker.evaluate(() => (self as unknown as Scope).__cspViolations ?? [])));
  return found;
}

/** Every request of the page and its workers, and the browser's console lines about the policy. */
function recordTraffic(page: Page) {
  const requests: string[] = [];
  const cspConsole: string[] = [];
  const dialogs: string[] = [];
  const context = page.context();
  context.on('request', (request) => requests.push(request.url()));
  const onConsole = (text: string) => {
    if (/Content.Security.Policy|Refused to/i.test(text)) cspConsole.push(text);
  };
  context.on('console', (message) => onConsole(message.text()));
  page.on('worker', (worker) => {
    worker.on('console', (message) => onConsole(message.text()));
    void watchWorker(worker);
  });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { requests, cspConsole, dialogs };
}

const local = (url: string, origin: string): boolean => {
  const u = new URL(url);
  return u.protocol === 'data:' || u.protocol === 'blob:' || u.origin === origin;
};

async function trainAndWait(page: Page, lab: LabPage, backend: 'wasm' | 'auto'): Promise<void> {
  await page.getByLabel('Backend').selectOption(backend);
  await lab.trainAll();
  await expect(lab.status).not.toHaveText('All strategies trained');
  await expect(lab.status).toHaveText('All strategies trained', { timeout: 240_000 });
}

test('importing and training (WASM, then Auto) sends nothing off the machine and breaks no CSP rule', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(600_000);
  await recordViolations(page);
  const traffic = recordTraffic(page);
  const documentResponse = page.waitForResponse((r) => r.request().resourceType() === 'document');
  const workerResponse = page.waitForResponse((r) => /lab\.worker-[\w-]+\.js$/.test(r.url()));
  const lab = new LabPage(page);
  await lab.open();
  const origin = new URL(baseURL ?? page.url()).origin;

  // The policy is in the built page, and in the headers of the page and of the worker's script.
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
    'content',
    CONTENT_SECURITY_POLICY,
  );
  expect((await documentResponse).headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY_HEADER);
  expect((await workerResponse).headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY_HEADER);

  await lab.importFile('fixtures/seed-shaped.json');
  await expect(page.getByRole('heading', { name: /seed-shaped\.json/ })).toBeVisible();
  await lab.quickPreset();
  await trainAndWait(page, lab, 'wasm');
  await expect(page.getByTestId('backend-decision')).toContainText('Backend: wasm');
  // The worker fetched its wasm binary: proof that the worker's own requests are in the record.
  expect(traffic.requests.some((url) => /tfjs-backend-wasm[\w-]*\.wasm$/.test(url))).toBe(true);

  await trainAndWait(page, lab, 'auto');
  await expect(page.getByTestId('backend-decision')).toContainText(
    /fastest measured|used without a measurement/,
  );

  // Every way out of the lab is a local download: the report, the summary page and its picture (html-to-image
  // draws the view through an SVG data: URL, which is what img-src data: is for).
  const report = (await lab.downloadReport()) as { strategies: unknown[] };
  expect(report.strategies).toHaveLength(CATALOGUE.length);
  const stakeholder = new StakeholderPage(page);
  await stakeholder.open();
  expect((await stakeholder.download('Download summary (HTML)')).toString('utf8')).toMatch(
    /^<!doctype html>/,
  );
  expect([...(await stakeholder.download('Download summary (PNG)')).subarray(0, 4)]).toEqual([
    0x89, 0x50, 0x4e, 0x47,
  ]);

  expect(traffic.requests.length).toBeGreaterThan(3);
  expect({
    offOrigin: traffic.requests.filter((url) => !local(url, origin)),
    violations: await violations(page),
    cspConsole: traffic.cspConsole,
    dialogs: traffic.dialogs,
  }).toEqual({ offOrigin: [], violations: [], cspConsole: [], dialogs: [] });
});

test('the policy is enforced: eval, inline script and remote fetches are refused in the page and the worker', async ({
  page,
}) => {
  await recordViolations(page);
  const lab = new LabPage(page);
  await lab.open();
  // From a timer, not from the evaluate call itself: code DevTools evaluates is exempt from the eval rule.
  const attempts = () =>
    new Promise<Record<string, string>>((resolve) =>
      setTimeout(() => {
        const outcome = (run: () => unknown) => {
          try {
            run();
            return 'ran';
          } catch (error) {
            return (error as Error).name;
          }
        };
        const result: Record<string, string> = {
          eval: outcome(() => (0, eval)('1 + 1')),
          newFunction: outcome(() => new Function('return 1')()),
        };
        fetch('https://example.com/collect').then(
          () => resolve({ ...result, remoteFetch: 'sent' }),
          (error: Error) => resolve({ ...result, remoteFetch: error.name }),
        );
      }),
    );
  const refused = { eval: 'EvalError', newFunction: 'EvalError', remoteFetch: 'TypeError' };
  expect(await page.evaluate(attempts)).toEqual(refused);
  const inlineRan = await page.evaluate(() => {
    const inline = document.createElement('script');
    inline.textContent = 'document.body.dataset.inlineRan = "yes"';
    document.body.append(inline);
    return document.body.dataset.inlineRan ?? 'refused';
  });
  expect(inlineRan).toBe('refused');
  const directives = (await violations(page)).map((v) => v.directive);
  expect(directives).toEqual(expect.arrayContaining(['connect-src', 'script-src', 'script-src-elem']));

  // The worker obeys the policy of its own script's response header.
  const worker = page.workers()[0];
  if (!worker) throw new Error('no lab worker');
  expect(await worker.evaluate(attempts)).toEqual(refused);
});

test('a user id made of HTML renders as text: no element, no script, no request', async ({ page }) => {
  const traffic = recordTraffic(page);
  const name = '<img src=x onerror=alert(1)>';
  const dir = await mkdtemp(join(tmpdir(), 'retrain-lab-privacy-'));
  const file = join(dir, 'html-user.csv');
  const rows = Array.from(
    { length: 6 },
    (_, i) => `"${name}",Calculus,easy,2025-09-0${i + 1}T08:00:00Z,${i % 2 === 0},30`,
  );
  await writeFile(
    file,
    ['user_id,topic,difficulty,completed_at,is_correct,actual_time_seconds', ...rows].join('\n'),
  );
  const lab = new LabPage(page);
  await lab.open();
  await lab.importFile(file);
  await expect(lab.taskCount).toHaveText('6');
  await expect(lab.userRow(name)).toBeVisible();
  await expect(lab.usersTable.getByRole('rowheader', { name, exact: true })).toHaveText(name);
  await expect(page.locator('img[src="x"], img[onerror]')).toHaveCount(0);
  expect(traffic.dialogs).toEqual([]);
  expect(traffic.requests.filter((url) => new URL(url).pathname === '/x')).toEqual([]);
});
