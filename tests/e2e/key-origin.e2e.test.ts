/**
 * The key goes only to the address it was confirmed for. With the saved base URL changed to
 * another server behind the options page's back (storage edited, a policy taken away), no
 * request carries the key there, and the options page asks the admin to confirm; one click
 * later the new server is synced.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockApi, startMockApi } from '../../mock-api/server';
import { type ExtensionBrowser, launchWithExtension } from './chromium';
import { countSessions, extensionPage, waitUntil } from './extension';

const WAIT = 20_000;

let first: MockApi;
let second: MockApi;
let browser: ExtensionBrowser;

beforeAll(async () => {
  first = await startMockApi({ sessions: 40, orgs: 1, seed: 'key-origin-a' });
  // Another server that would accept the same key: exactly where it must not go unasked.
  second = await startMockApi({
    sessions: 70,
    orgs: 1,
    seed: 'key-origin-b',
    apiKey: first.apiKey,
  });
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await first?.close();
  await second?.close();
});

function button(page: Page, name: string) {
  return page.getByRole('button', { name, exact: true });
}

/** Requests the server answered that carried an Authorization header. */
function authorized(api: MockApi) {
  return api.requestLog.recent.filter((request) => request.authorization);
}

describe('the key bound to its confirmed address', () => {
  it('sends nothing with the key to a changed address until the admin confirms it', async () => {
    const page = await extensionPage(browser);
    const org = first.store.orgs[0];
    if (!org) throw new Error('The mock API has no organizations');

    // Saved through the options page against the first server, and synced from it.
    await page.getByLabel('API key', { exact: true }).fill(first.apiKey);
    await page.getByLabel('API base URL', { exact: true }).fill(first.baseUrl);
    await button(page, 'Save').click();
    await page.getByText(/^Saved\./).waitFor({ timeout: WAIT });
    await page.getByRole('checkbox', { name: org.org_name }).check();
    await button(page, 'Save organizations').click();
    await waitUntil('the first server synced', async () => {
      return (await countSessions(page)) === first.store.size;
    });

    // As edited storage or a changed policy would: another address (and its organizations).
    second.requestLog.reset();
    await page.evaluate(
      async (next) => {
        const { settings } = (await chrome.storage.local.get('settings')) as {
          settings: Record<string, unknown>;
        };
        await chrome.storage.local.set({
          settings: { ...settings, apiBaseUrl: next.baseUrl, orgIds: next.orgIds },
        });
      },
      { baseUrl: second.baseUrl, orgIds: second.orgIds },
    );

    const message = `The API address changed to ${second.baseUrl}. Confirm your key for this address in Settings.`;
    const notice = page.getByTestId('key-origin');
    await waitUntil('the sync the change started', async () => {
      return authorized(second).length > 0 || (await notice.isVisible());
    });
    expect(authorized(second)).toEqual([]);
    expect(await notice.textContent()).toContain(message);
    // The sync the change started stopped before any request, and says why.
    await page.getByText(`The last sync failed: ${message}`).waitFor({ timeout: WAIT });
    // Asking again sends nothing either.
    await button(page, 'Sync now').click();
    await page.getByText(`Sync failed. ${message}`).waitFor({ timeout: WAIT });
    expect(authorized(second)).toEqual([]);

    await button(page, `Confirm key for ${second.baseUrl}`).click();
    await waitUntil('the second server synced', async () => {
      return (await countSessions(page)) === second.store.size;
    });
    expect(authorized(second).some((request) => request.status === 200)).toBe(true);
    await notice.waitFor({ state: 'detached', timeout: WAIT });
    expect(
      await page.evaluate(
        async () => (await chrome.storage.local.get('apiKeyOrigin')).apiKeyOrigin,
      ),
    ).toBe(second.baseUrl);
  });
});
