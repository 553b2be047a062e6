/// <reference types="chrome" />
/**
 * axe-core, run inside the built extension's pages in Chromium, finds no serious or critical
 * WCAG 2.x A/AA violation on the popup, the full-tab view, the options page and Insights, in
 * the light and the dark theme (the pages follow the system's colour scheme, emulated here).
 * Besides each page's usual view, the states a person meets: before set-up, a refused key's
 * error, a filter menu open, a session's detail, the alert band and the stop confirmation.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, it } from 'vitest';
import { type MockApi, startMockApi } from '../../mock-api/server';
import { expectNoSeriousViolations } from './axe';
import { type ExtensionBrowser, launchWithExtension } from './chromium';
import { configure, countSessions, extensionPage, readTable, waitUntil } from './extension';

const WAIT = 30_000;
const POPUP = { width: 780, height: 580 };
const THEMES = ['light', 'dark'] as const;

let api: MockApi;
let browser: ExtensionBrowser;

beforeAll(async () => {
  api = await startMockApi({ sessions: 300, orgs: 2, seed: 'accessibility' });
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

/** Every violation found by a test, so one run lists them all rather than the first. */
let failures: string[] = [];

beforeEach(() => {
  failures = [];
});

afterEach(() => {
  if (failures.length > 0) throw new Error(failures.join('\n'));
});

/** Checks the page as it is now in both themes; `where` names it in a failure. */
async function checkBothThemes(page: Page, where: string): Promise<void> {
  for (const colorScheme of THEMES) {
    await page.emulateMedia({ colorScheme });
    // Let the theme's styles apply (transitions are short) before measuring contrast.
    await page.waitForTimeout(300);
    await expectNoSeriousViolations(page, `${where} (${colorScheme})`).catch((error: Error) =>
      failures.push(error.message),
    );
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function syncFinished(page: Page): Promise<void> {
  await waitUntil('the sync to finish', async () => {
    const states = await readTable<{ pass: unknown }>(page, 'syncState');
    return states.length === api.orgIds.length && states.every((s) => s.pass === null);
  });
}

it('has no serious violation before set-up and with a refused key', async () => {
  const popup = await extensionPage(browser, 'popup.html');
  await popup.setViewportSize(POPUP);
  await popup.getByRole('heading', { name: 'Connect to Devin' }).waitFor({ timeout: WAIT });
  await checkBothThemes(popup, 'popup before set-up');

  const options = await extensionPage(browser, 'options.html');
  await options
    .getByLabel(/API key/)
    .first()
    .waitFor({ timeout: WAIT });
  await checkBothThemes(options, 'options before set-up');
  await options.close();

  await configure(popup, {
    apiKey: 'apk_user_refused',
    apiBaseUrl: api.baseUrl,
    orgIds: api.orgIds,
  });
  await popup
    .getByRole('alert')
    .filter({ hasText: 'The API key was refused' })
    .waitFor({ timeout: WAIT });
  await checkBothThemes(popup, 'popup with a sync error');
  await popup.close();
});

it('has no serious violation on the four pages once synced, in both themes', async () => {
  const setup = await extensionPage(browser, 'options.html');
  // Every running session over this many ACUs gets an alert: the alert band shows.
  await setup.evaluate(() => chrome.storage.local.set({ alertSettings: { sessionAcus: 0.01 } }));
  await configure(setup, { apiKey: api.v3Token, apiBaseUrl: api.baseUrl, orgIds: api.orgIds });
  await waitUntil('sessions cached', async () => (await countSessions(setup)) >= 300, 60_000);
  await syncFinished(setup);
  await setup.reload();
  await setup
    .getByRole('button', { name: /Sync now/ })
    .first()
    .waitFor({ timeout: WAIT });
  await checkBothThemes(setup, 'options, set up');
  await setup.close();

  // The popup: list, a filter menu open, a session's detail.
  const popup = await extensionPage(browser, 'popup.html');
  await popup.setViewportSize(POPUP);
  await popup.locator('.session-list li').first().waitFor({ timeout: WAIT });
  await checkBothThemes(popup, 'popup list');
  await popup.getByRole('button', { name: 'Status filter' }).click();
  await popup.locator('.ms-panel .ms-option').first().waitFor();
  await checkBothThemes(popup, 'popup with the Status menu open');
  await popup.keyboard.press('Escape');
  await popup.locator('.session-list li .row-open').first().click();
  await popup.locator('.detail-title').waitFor({ timeout: WAIT });
  await checkBothThemes(popup, 'popup detail');
  await popup.close();

  // The full tab: list with alerts, the table, a detail beside it, the stop confirmation.
  const tab = await extensionPage(browser, 'sessions.html');
  await tab.locator('[data-session-id]').first().waitFor({ timeout: WAIT });
  await tab.locator('.alert-item').first().waitFor({ timeout: WAIT });
  await checkBothThemes(tab, 'full tab list');
  await tab.getByRole('button', { name: 'Table', exact: true }).click();
  await tab.locator('table [data-session-id]').first().waitFor({ timeout: WAIT });
  await checkBothThemes(tab, 'full tab table');
  const running = await readTable<{ rows: { session_id: string; status: string }[] }>(
    tab,
    'pageRows',
  );
  const runningId = running
    .flatMap((p) => p.rows)
    .find((row) => row.status === 'running')?.session_id;
  if (!runningId) throw new Error('No running session in the data set');
  await tab.goto(`chrome-extension://${browser.extensionId}/sessions.html?session=${runningId}`);
  await tab.locator('.detail-title').waitFor({ timeout: WAIT });
  await checkBothThemes(tab, 'full tab with a detail open');
  const stop = tab.locator('.detail').getByRole('button', { name: /^Stop session/ });
  await stop.first().click();
  await tab.getByRole('group', { name: /^Confirm stopping/ }).waitFor({ timeout: WAIT });
  await checkBothThemes(tab, 'full tab, stop confirmation');
  await tab.close();

  const insights = await extensionPage(browser, 'insights.html');
  await insights.getByTestId('kpi-sessions').waitFor({ timeout: WAIT });
  await insights.locator('canvas').first().waitFor({ timeout: WAIT });
  await checkBothThemes(insights, 'insights');
  await insights.getByTestId('acus-as-table').click();
  await insights.getByRole('table', { name: 'ACUs per day' }).waitFor({ timeout: WAIT });
  await checkBothThemes(insights, 'insights, a chart shown as its table');
  await insights.close();
});
