/// <reference types="chrome" />
/**
 * Insights in Chromium over 5,000 sessions synced from the local API: the page renders from the
 * cache (in its worker), and a chart bar and table counts open the session list showing exactly
 * as many sessions as the insight said.
 *
 * `SCREENSHOTS=1` also saves docs/screenshots/insights.png and insights-dark.png (1280x900).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type MockApi, startMockApi } from '../../mock-api/server';
import { type ExtensionBrowser, launchWithExtension } from './chromium';
import { configure, countRows, countSessions, extensionPage, waitUntil } from './extension';

const SESSIONS = 5000;
const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../docs/screenshots');

let api: MockApi;
let browser: ExtensionBrowser;

beforeAll(async () => {
  api = await startMockApi({ sessions: SESSIONS, orgs: 3, seed: 42 });
  browser = await launchWithExtension({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

/** "1,234 sessions" -> 1234 */
function numberIn(text: string | null): number {
  const digits = (text ?? '').match(/[\d,.\s\u00a0\u202f]+/)?.[0]?.replace(/[^\d]/g, '') ?? '';
  if (digits === '') throw new Error(`No number in "${text}"`);
  return Number(digits);
}

/** The number of sessions the list page says it shows (its totals line). */
async function listedCount(list: Page): Promise<number> {
  const total = list.getByTestId('sessions-count');
  await total.waitFor({ timeout: 30_000 });
  return Number(await total.getAttribute('data-count'));
}

/** Clicks something that opens the list in a new tab, and returns that tab. */
async function openList(click: () => Promise<void>): Promise<Page> {
  const [list] = await Promise.all([browser.context.waitForEvent('page'), click()]);
  await list.waitForLoadState('domcontentloaded');
  expect(new URL(list.url()).pathname).toBe('/sessions.html');
  return list;
}

async function expectListShows(link: Locator): Promise<string> {
  const expected = numberIn(await link.textContent());
  expect(expected).toBeGreaterThan(0);
  const list = await openList(() => link.click());
  expect(await listedCount(list)).toBe(expected);
  const url = list.url();
  await list.close();
  return url;
}

/**
 * Records every text of the Insights status line from the page's start, with whether it showed
 * a saved result (source, not a function: the page gets it as written).
 */
const RECORD_STATUSES = `
  globalThis.__statuses = [];
  new MutationObserver(() => {
    const status = document.querySelector('[data-testid="insights-status"]');
    if (!status) return;
    const entry = (status.dataset.savedAt ? 'saved|' : 'fresh|') + status.textContent;
    if (globalThis.__statuses.at(-1) !== entry) globalThis.__statuses.push(entry);
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
`;

it('renders insights from the cache, and each number opens the list with exactly those sessions', async () => {
  const setup = await extensionPage(browser, 'manifest.json');
  await configure(setup, { apiKey: api.apiKey, apiBaseUrl: api.baseUrl, orgIds: api.orgIds });
  await waitUntil(
    `${SESSIONS} sessions cached`,
    async () => (await countSessions(setup)) >= SESSIONS,
    90_000,
  );
  await waitUntil('the directory', async () => (await countRows(setup, 'members')) > 0, 30_000);

  const page = await extensionPage(browser, 'insights.html');
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));

  // Everything, then the analysis details, read in the worker.
  await expect
    .poll(async () => page.getByTestId('kpi-sessions').textContent(), { timeout: 30_000 })
    .toBe('5,000');
  const status = page.getByTestId('insights-status');
  await expect.poll(async () => status.textContent(), { timeout: 30_000 }).toContain('in a worker');
  await expect
    .poll(async () => status.textContent(), { timeout: 30_000 })
    .not.toContain('reading the analysis');
  // The charts draw once their code has loaded, which can be after the status line.
  await expect.poll(() => page.locator('[data-testid="chart-acus"] canvas').count()).toBe(1);
  await expect.poll(() => page.locator('[data-testid="chart-sessions"] canvas').count()).toBe(1);
  // Impacts and action item types come from the details: present once read.
  await expect(page.getByTestId('table-issue-impacts').locator('tbody tr').count()).resolves.toBe(
    3,
  );
  await expect(
    page.getByTestId('table-action-item-types').locator('tbody tr').count(),
  ).resolves.toBe(4);

  if (process.env.SCREENSHOTS === '1') {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.mouse.move(0, 0);
    await page.screenshot({ path: resolve(SCREENSHOT_DIR, 'insights.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForTimeout(300);
    await page.screenshot({ path: resolve(SCREENSHOT_DIR, 'insights-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
  }

  // A bar of the sessions chart: the busiest day, found in the chart's table view.
  await page.getByTestId('sessions-as-table').click();
  const perDay = await page
    .getByTestId('table-sessions-per-day')
    .locator('tbody tr td:nth-child(2)')
    .allTextContents();
  const counts = perDay.map(numberIn);
  const busiest = counts.indexOf(Math.max(...counts));
  expect(busiest).toBeGreaterThanOrEqual(0);
  await page.getByTestId('sessions-as-chart').click();
  const plot = page.locator('[data-testid="chart-sessions"] .u-over');
  const box = await plot.boundingBox();
  if (!box) throw new Error('The sessions chart has no plot area');
  // The x axis runs from half a day before the first day to half a day after the last.
  const x = box.x + (box.width * (busiest + 0.5)) / counts.length;
  const y = box.y + box.height - 2;
  await page.mouse.move(x, y);
  await expect
    .poll(async () => numberIn(await page.getByTestId('sessions-readout-count').textContent()))
    .toBe(counts[busiest]);
  const dayList = await openList(() => page.mouse.click(x, y));
  expect(await listedCount(dayList)).toBe(counts[busiest]);
  expect(dayList.url()).toMatch(
    /[?&](created=\d{4}-\d{2}-\d{2}(\.\.|%2E%2E)\d{4}-\d{2}-\d{2}|ids=)/,
  );
  await dayList.close();

  // A count the filters can say: the sessions of the biggest organization.
  const orgUrl = await expectListShows(
    page
      .getByTestId('table-organizations')
      .locator('tbody tr')
      .first()
      .locator('td')
      .first()
      .locator('a'),
  );
  expect(orgUrl).toContain('org=');

  // A count they cannot: the sessions whose analysis found the most frequent issue label.
  const labelUrl = await expectListShows(
    page
      .getByTestId('table-issue-labels')
      .locator('tbody tr')
      .first()
      .locator('td')
      .first()
      .locator('a'),
  );
  expect(labelUrl).toContain('ids=');

  // The whole view.
  await expectListShows(page.getByTestId('kpi-sessions'));

  // A table as CSV.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('csv-organizations').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    /^devin-insights-organizations-\d{4}-\d{2}-\d{2}\.csv$/,
  );
  const csv = readFileSync((await download.path()) ?? '', 'utf8').split('\r\n');
  expect(csv[0]).toBe(
    '"Organization","ID","Sessions","ACUs","Median ACUs","Error rate (%)","Errors","PRs opened","PRs merged"',
  );
  // One line per organization (and the final line end).
  expect(csv.length).toBe(api.orgIds.length + 2);
  expect(errors).toEqual([]);

  // Opened again: the result saved at the last opening is shown at once, marked as such, until
  // the fresh one replaces it.
  await waitUntil(
    'the result saved for the next opening',
    async () => (await countRows(setup, 'savedInsights')) === 1,
    30_000,
  );
  const again = await browser.context.newPage();
  await again.addInitScript(RECORD_STATUSES);
  await again.goto(page.url());
  await expect
    .poll(async () => again.getByTestId('insights-status').textContent(), { timeout: 30_000 })
    .toContain('in a worker');
  const statuses = (await again.evaluate('globalThis.__statuses')) as string[];
  const saved = statuses.filter((status) => status.startsWith('saved|'));
  expect(saved.length).toBeGreaterThan(0);
  expect(saved[0]).toContain('5,000 of 5,000 cached sessions · Last computed');
  // The saved result came first, the fresh one after it.
  expect(statuses.indexOf(saved[0] as string)).toBeLessThan(
    statuses.findIndex((status) => status.startsWith('fresh|')),
  );
  await again.close();
});
