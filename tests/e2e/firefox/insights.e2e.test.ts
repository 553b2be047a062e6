/**
 * Insights in Firefox ESR over the sessions synced from the local API: the page renders from
 * the cache in its worker, with both charts drawn, and a table's count opens the session list
 * showing exactly that many sessions.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type MockApi, startMockApi } from '../../../mock-api/server';
import { configure, countRows, countSessions, waitUntil } from '../extension';
import { element, waitForText } from './dom';
import {
  EXTENSION_ORIGIN,
  evaluator,
  type FirefoxExtension,
  launchFirefoxWithExtension,
  waitForTab,
} from './firefox';

const SESSIONS = 2000;

let api: MockApi;
let firefox: FirefoxExtension;

beforeAll(async () => {
  api = await startMockApi({ sessions: SESSIONS, orgs: 3, seed: 'firefox-insights' });
  firefox = await launchFirefoxWithExtension({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await firefox?.close();
  await api?.close();
});

/** "1,234 sessions" -> 1234 */
function numberIn(text: string | null | undefined): number {
  const digits = (text ?? '').match(/[\d,.\s\u00a0\u202f]+/)?.[0]?.replace(/[^\d]/g, '') ?? '';
  if (digits === '') throw new Error(`No number in "${text}"`);
  return Number(digits);
}

it('renders insights from the cache, and an organization count opens exactly those sessions', async () => {
  const setup = await firefox.open('options.html');
  await configure(evaluator(setup), {
    apiKey: api.apiKey,
    apiBaseUrl: api.baseUrl,
    orgIds: api.orgIds,
  });
  await waitUntil(
    `${SESSIONS} sessions cached`,
    async () => (await countSessions(evaluator(setup))) >= SESSIONS,
    90_000,
  );
  await waitUntil('the directory', async () => (await countRows(evaluator(setup), 'members')) > 0);

  const page = await firefox.open('insights.html');
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await waitUntil('the sessions KPI', () =>
    page.evaluate(
      (expected) =>
        document.querySelector('[data-testid="kpi-sessions"]')?.textContent === expected,
      SESSIONS.toLocaleString('en-US'),
    ),
  );
  // Computed in a worker, then the analysis details are read in too.
  await waitForText(page, /in a worker/);
  await waitUntil('the analysis details', () =>
    page.evaluate(
      () =>
        !(document.querySelector('[data-testid="insights-status"]')?.textContent ?? '').includes(
          'reading the analysis',
        ),
    ),
  );
  for (const chart of ['chart-acus', 'chart-sessions']) {
    await element(page, `[data-testid="${chart}"] canvas`);
  }
  expect(
    await page.evaluate(
      () => document.querySelectorAll('[data-testid="table-issue-impacts"] tbody tr').length,
    ),
  ).toBe(3);

  // The biggest organization's count, clicked: the list in a new tab with as many sessions.
  const link = await element(page, '[data-testid="table-organizations"] tbody tr td a');
  const expected = numberIn(await link.evaluate((a) => a.textContent));
  const perOrg = api.store.all().filter((e) => e.session.org_id === api.orgIds[0]).length;
  expect(expected).toBeGreaterThan(0);
  expect(expected).toBeLessThan(SESSIONS);
  await link.click();
  const list = await waitForTab(firefox.browser, `${EXTENSION_ORIGIN}/sessions.html?`, page);
  expect(new URL(await list.evaluate(() => location.href)).searchParams.get('org')).not.toBeNull();
  await waitUntil(`the list to show ${expected} sessions`, () =>
    list.evaluate(
      (count) =>
        document.querySelector('[data-testid="sessions-count"]')?.getAttribute('data-count') ===
        String(count),
      expected,
    ),
  );
  expect(perOrg).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});
