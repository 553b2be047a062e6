/**
 * The key stays out of pages: after saving a key and reloading, the options page's DOM and
 * script-readable state hold only its last 4 characters; Test connection still works through
 * the background, and Forget removes the key and empties the cache.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockApi, startMockApi } from '../../mock-api/server';
import { type ExtensionBrowser, launchWithExtension } from './chromium';
import { countSessions, extensionPage, waitUntil } from './extension';

const WAIT = 20_000;

let api: MockApi;
let browser: ExtensionBrowser;

beforeAll(async () => {
  api = await startMockApi({ sessions: 60, orgs: 2, seed: 'key-safety-e2e' });
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

function button(page: Page, name: string) {
  return page.getByRole('button', { name, exact: true });
}

async function stored(page: Page, key: string): Promise<unknown> {
  return page.evaluate(async (k) => (await chrome.storage.local.get(k))[k] ?? null, key);
}

/** Everything the page's own scripts could read back: markup, field values, text. */
async function pageState(page: Page): Promise<string> {
  const values = await page.evaluate(() =>
    [...document.querySelectorAll('input, textarea')]
      .map((el) => (el as HTMLInputElement).value)
      .join('\n'),
  );
  return `${await page.content()}\n${values}`;
}

describe('key safety in the options page', () => {
  it('shows only the ending after a reload, tests the saved key, and forgets key and data', async () => {
    const page = await extensionPage(browser);
    const org = api.store.orgs[0];
    if (!org) throw new Error('The mock API has no organizations');

    await page.getByLabel('API key', { exact: true }).fill(api.apiKey);
    await page.getByLabel('API base URL', { exact: true }).fill(api.baseUrl);
    await button(page, 'Save').click();
    await page.getByText(/^Saved\./).waitFor({ timeout: WAIT });
    await page.getByRole('checkbox', { name: org.org_name }).check();
    await button(page, 'Save organizations').click();
    await waitUntil('the first sync', async () => (await countSessions(page)) > 0, 60_000);

    await page.reload();
    const ending = api.apiKey.slice(-4);
    const saved = page.getByTestId('saved-key');
    await saved.waitFor({ timeout: WAIT });
    expect(await saved.textContent()).toBe(`Key saved, ending …${ending}`);
    expect(await pageState(page)).not.toContain(api.apiKey);
    expect(await page.getByLabel('API key', { exact: true }).count()).toBe(0);

    await button(page, 'Test connection').click();
    await page.getByText(/This key sees 2 organizations/).waitFor({ timeout: WAIT });
    expect(await pageState(page)).not.toContain(api.apiKey);

    await button(page, 'Forget key…').click();
    await page.getByText(/delete the cached sessions, prompts and member e-mails/).waitFor();
    await button(page, 'Forget key and delete cached data').click();
    await page.getByText(/The key and the cached data were removed/).waitFor({ timeout: WAIT });
    expect(await stored(page, 'apiKey')).toBeNull();
    expect(await stored(page, 'apiKeyEnding')).toBeNull();
    await waitUntil('the cache to be emptied', async () => (await countSessions(page)) === 0);
  });
});
