/**
 * The daily triage question in the popup, counted in clicks: "which sessions of this
 * organization errored in the last 24 hours, and what is that session's pull request?". Set
 * once as a saved view, it takes at most 4 clicks from opening the popup to the PR.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type MockApi, startMockApi } from '../../mock-api/server';
import { type ExtensionBrowser, launchWithExtension } from './chromium';
import { configure, countSessions, extensionPage, waitUntil } from './extension';

const POPUP = { width: 780, height: 580 };
const HOUR = 3_600_000;
const WAIT = 20_000;

let api: MockApi;
let browser: ExtensionBrowser;

beforeAll(async () => {
  api = await startMockApi({ sessions: 200, orgs: 2, seed: 'triage-walk-e2e' });
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

/** Clicks, counted: the walk's measure. */
function clickCounter() {
  let clicks = 0;
  return {
    click: async (page: Page, target: ReturnType<Page['getByRole']>) => {
      clicks++;
      await target.click();
      return page;
    },
    get count() {
      return clicks;
    },
  };
}

it('reaches the PR of an errored session of one organization in the last 24 h in 4 clicks', async () => {
  const org = api.store.orgs[0];
  if (!org) throw new Error('The mock API has no organizations');
  // One session that fits the question, whatever the day the data is made.
  const target = api.store.all().find(({ session }) => session.org_id === org.org_id);
  if (!target) throw new Error('No session in the first organization');
  const prUrl = 'https://github.com/acme/payments/pull/4242';
  api.store.patchSession(target.session.session_id, {
    status: 'error',
    title: 'Retry failed charges',
    created_at: new Date(Date.now() - 2 * HOUR).toISOString(),
    pull_requests: [{ url: prUrl, state: 'open' }],
  });
  const expected = api.store
    .all()
    .filter(
      ({ session }) =>
        session.status === 'error' &&
        session.org_id === org.org_id &&
        Date.parse(session.created_at) >= Date.now() - 24 * HOUR,
    )
    .map(({ session }) => session.session_id);

  const popup = await extensionPage(browser, 'popup.html');
  await popup.setViewportSize(POPUP);
  await configure(popup, { apiKey: api.apiKey, apiBaseUrl: api.baseUrl, orgIds: api.orgIds });
  await waitUntil('the first sync', async () => (await countSessions(popup)) === 200, 60_000);

  // Once: set the filters and save them as a view.
  await popup.reload();
  await popup.getByRole('button', { name: 'Status filter' }).click();
  await popup.getByRole('checkbox', { name: /^Error/ }).check();
  await popup.keyboard.press('Escape');
  await popup.getByRole('button', { name: 'Organization filter' }).click();
  await popup.getByRole('checkbox', { name: new RegExp(`^${org.org_name}`) }).check();
  await popup.keyboard.press('Escape');
  await popup.getByLabel('Created date').selectOption('24h');
  await popup.getByRole('button', { name: 'Saved views' }).click();
  await popup.getByLabel('Name for the current filters').fill('Errors today');
  await popup.getByRole('button', { name: 'Save view' }).click();
  await popup.getByRole('button', { name: 'Saved views, showing Errors today' }).waitFor();
  // Another day: the popup opens on other filters.
  await popup.evaluate(() => chrome.storage.local.set({ popupFilters: '' }));
  await popup.reload();
  await popup.locator('.session-list [data-session-id]').first().waitFor({ timeout: WAIT });
  // "created 3h ago" is one message; the browser's i18n fills it and the time stays its own element.
  const created = popup.locator('.session-list .row-created').first();
  const when = await created.locator('time').textContent();
  expect(when).toMatch(/\S/);
  expect(await created.textContent()).toBe(`created ${when}`);

  // The walk.
  const walk = clickCounter();
  await walk.click(popup, popup.getByRole('button', { name: 'Saved views' }));
  await walk.click(popup, popup.getByRole('button', { name: 'Errors today', exact: true }));
  const rows = popup.locator('.session-list [data-session-id]');
  await expect
    .poll(() => rows.evaluateAll((all) => all.map((row) => row.getAttribute('data-session-id'))))
    .toEqual(expect.arrayContaining([target.session.session_id]));
  const shown = await rows.evaluateAll((all) =>
    all.map((row) => row.getAttribute('data-session-id')),
  );
  expect(new Set(shown)).toEqual(new Set(expected));
  // The PR page itself, answered here: this machine has no way out.
  await browser.context.route('https://github.com/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>PR</title>' }),
  );
  const opened = browser.context.waitForEvent('page', { timeout: WAIT });
  const row = popup.locator(`[data-session-id="${target.session.session_id}"]`);
  await walk.click(popup, row.getByRole('link', { name: /#4242/ }));
  const prTab = await opened;
  await prTab.waitForLoadState();
  expect(prTab.url()).toBe(prUrl);
  expect(walk.count).toBeLessThanOrEqual(4);
  await prTab.close();
  await popup.close();
});
