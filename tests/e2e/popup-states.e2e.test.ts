/// <reference types="chrome" />
/**
 * The popup before set-up and after a failed sync, in Chromium against the local API: before
 * set-up it offers one "Set up" (no live "Sync now", no filters over an empty list); after a
 * refused key it shows the whole error with Retry and Settings.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type MockApi, startMockApi } from '../../mock-api/server';
import { type ExtensionBrowser, launchWithExtension } from './chromium';
import { configure, extensionPage, readTable, waitUntil } from './extension';

const POPUP = { width: 780, height: 580 };

let api: MockApi;
let browser: ExtensionBrowser;

beforeAll(async () => {
  api = await startMockApi({ sessions: 50, orgs: 2, seed: 'popup-states' });
  browser = await launchWithExtension({ viewport: POPUP });
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

it('offers one Set up before set-up, and a failed sync in full with Retry and Settings', async () => {
  const popup = await extensionPage(browser, 'popup.html');
  await popup.getByRole('heading', { name: 'Connect to Devin' }).waitFor({ timeout: 20_000 });
  await expect.poll(async () => popup.getByRole('button', { name: 'Set up' }).count()).toBe(1);
  expect(await popup.getByRole('button', { name: 'Sync now' }).count()).toBe(0);
  expect(await popup.getByLabel('Search sessions').count()).toBe(0);
  expect(await popup.getByRole('button', { name: 'Status filter' }).count()).toBe(0);
  // "Set up" opens the options page.
  const [options] = await Promise.all([
    browser.context.waitForEvent('page'),
    popup.getByRole('button', { name: 'Set up' }).click(),
  ]);
  await options.waitForLoadState('domcontentloaded');
  expect(new URL(options.url()).pathname).toBe('/options.html');
  await options.close();

  // A key the API refuses: the sync fails, and the popup says why, whole, with what to do.
  await configure(popup, {
    apiKey: 'apk_user_refused',
    apiBaseUrl: api.baseUrl,
    orgIds: api.orgIds,
  });
  await waitUntil('the sync to fail', async () => {
    const status = await readTable<{
      key: string;
      value: { lastError?: unknown; pausedReason?: unknown };
    }>(popup, 'meta');
    const sync = status.find((row) => row.key === 'syncStatus')?.value;
    return Boolean(sync?.lastError || sync?.pausedReason);
  });
  const problem = popup.getByRole('alert').filter({ hasText: 'The API key was refused' });
  await problem.waitFor({ timeout: 20_000 });
  const text = (await problem.locator('.sync-problem-text').textContent()) ?? '';
  expect(text).toMatch(/then save it in the options page\.$/);
  // Not cut off: the text fits its box.
  expect(
    await problem
      .locator('.sync-problem-text')
      .evaluate((element) => element.scrollWidth <= element.clientWidth + 1),
  ).toBe(true);
  expect(await problem.getByRole('button', { name: 'Retry' }).isEnabled()).toBe(true);
  const [settings] = await Promise.all([
    browser.context.waitForEvent('page'),
    problem.getByRole('button', { name: 'Settings' }).click(),
  ]);
  await settings.waitForLoadState('domcontentloaded');
  expect(new URL(settings.url()).pathname).toBe('/options.html');
  await settings.close();
  await popup.close();
});
