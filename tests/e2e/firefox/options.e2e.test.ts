/**
 * Set-up in Firefox ESR, as a new admin does it in the options page: key and address of the
 * local API, "Test connection" lists the organizations, save, choose one, and the background
 * (an event page in Firefox, not a service worker) syncs exactly that organization's sessions.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type MockApi, startMockApi } from '../../../mock-api/server';
import { countSessions } from '../extension';
import { button, byLabel, fill, waitForText } from './dom';
import { evaluator, type FirefoxExtension, launchFirefoxWithExtension } from './firefox';

let api: MockApi;
let firefox: FirefoxExtension;

beforeAll(async () => {
  api = await startMockApi({ sessions: 1200, orgs: 3, seed: 'firefox-options', latencyMs: 100 });
  firefox = await launchFirefoxWithExtension({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await firefox?.close();
  await api?.close();
});

async function storedKey(page: Page): Promise<unknown> {
  return page.evaluate(async () => (await browser.storage.local.get('apiKey')).apiKey ?? null);
}

it('refuses a wrong key in plain words and stores nothing', async () => {
  const page = await firefox.open('options.html');
  await fill(await byLabel(page, 'API key'), 'apk_user_this-key-is-wrong');
  await fill(await byLabel(page, 'API base URL'), api.baseUrl);
  await (await button(page, 'Test connection')).click();
  expect(await waitForText(page, /The API key is invalid[^\n]*/)).toContain('copied in full');
  expect(await storedKey(page)).toBeNull();
  await page.close();
});

it('takes a new admin from key to the synced sessions of the chosen organization', async () => {
  const page = await firefox.open('options.html');
  await waitForText(page, 'Get started');
  const keyInput = await byLabel(page, 'API key');
  expect(await keyInput.evaluate((input) => (input as HTMLInputElement).type)).toBe('password');
  await fill(keyInput, api.apiKey);
  await fill(await byLabel(page, 'API base URL'), api.baseUrl);
  await (await button(page, 'Test connection')).click();
  const orgs = api.store.orgs;
  await waitForText(page, `This key sees ${orgs.length} organizations`);

  await (await button(page, 'Save')).click();
  await waitForText(page, `Saved. The key works and sees ${orgs.length} organizations.`);
  expect(await storedKey(page)).toBe(api.apiKey);

  const org = orgs[1];
  if (!org) throw new Error('The mock API has no second organization');
  const checkbox = await byLabel(page, org.org_name, { prefix: true });
  await checkbox.click();
  expect(await checkbox.evaluate((input) => (input as HTMLInputElement).checked)).toBe(true);
  await (await button(page, 'Save organizations')).click();
  await waitForText(page, 'Saved. Syncing 1 organization');

  // The event page syncs in the background; the page reports the result.
  await waitForText(page, /Last successful sync/, 60_000);
  const expected = api.store.all().filter((entry) => entry.session.org_id === org.org_id).length;
  expect(expected).toBeGreaterThan(100);
  await (await button(page, 'Sync now')).click();
  const finished = await waitForText(page, /Sync finished\. [\d,]+ sessions cached\./);
  expect(finished).toBe(`Sync finished. ${expected.toLocaleString('en-US')} sessions cached.`);
  expect(await countSessions(evaluator(page))).toBe(expected);

  // What the add-on's data-collection declaration says (wxt.config.ts): the key travels to
  // the configured API only, in the Authorization header, never in an address.
  const seen = api.requestLog.recent;
  expect(seen.length).toBeGreaterThan(0);
  for (const request of seen) {
    expect(request.authorization).toBe(true);
    expect(request.url).not.toContain(api.apiKey);
  }
  await page.close();
});
