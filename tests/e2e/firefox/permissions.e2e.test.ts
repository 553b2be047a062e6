/**
 * Site access in Firefox, where the person can withdraw it from the add-on at any time
 * (about:addons → Permissions): the options page says sync cannot reach the API, "Allow
 * access" brings up Firefox's own permission prompt, and once it is accepted a sync works.
 * (The local API answers CORS requests from anywhere, so its sync alone cannot tell whether
 * access was withdrawn; the permission itself is checked.)
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type MockApi, startMockApi } from '../../../mock-api/server';
import { configure, countSessions, waitUntil } from '../extension';
import { button, waitForText } from './dom';
import { evaluator, type FirefoxExtension, launchFirefoxWithExtension } from './firefox';
import { acceptPermissionPrompt } from './prompts';

let api: MockApi;
let firefox: FirefoxExtension;

beforeAll(async () => {
  api = await startMockApi({ sessions: 80, orgs: 1, seed: 'firefox-permissions' });
  firefox = await launchFirefoxWithExtension();
});

afterAll(async () => {
  await firefox?.close();
  await api?.close();
});

it('asks Firefox again for a withdrawn site access, and syncs once it is allowed', async () => {
  const page = await firefox.open('options.html');
  const pattern = `${new URL(api.baseUrl).origin}/*`.replace(/:\d+\/\*$/, '/*');
  // As the person does in about:addons: the loopback API is no longer allowed.
  expect(
    await page.evaluate((origin) => browser.permissions.remove({ origins: [origin] }), pattern),
  ).toBe(true);
  await configure(evaluator(page), {
    apiKey: api.apiKey,
    apiBaseUrl: api.baseUrl,
    orgIds: api.orgIds,
  });
  await page.reload().catch(() => undefined);
  await waitForText(
    page,
    `The browser does not allow the extension to reach ${api.baseUrl}, so sync cannot work.`,
  );

  // Firefox's prompt, accepted as a person would.
  await acceptPermissionPrompt(firefox.browser, page, async () => {
    await (await button(page, 'Allow access')).click();
  });
  await waitUntil('the warning to go', () =>
    page.evaluate(() => !document.body.textContent?.includes('does not allow the extension')),
  );
  expect(
    await page.evaluate((origin) => browser.permissions.contains({ origins: [origin] }), pattern),
  ).toBe(true);
  await (await button(page, 'Sync now')).click();
  await waitForText(page, 'Sync finished. 80 sessions cached.');
  expect(await countSessions(evaluator(page))).toBe(80);
});
