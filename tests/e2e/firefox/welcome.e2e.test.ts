/**
 * The first run in Firefox ESR against the local API: installing the add-on opens the welcome
 * by itself, which takes the key, its test, an organization and the first sync (the event
 * page's, watched from the page) to the last step, whose button leaves the regular settings.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type MockApi, startMockApi } from '../../../mock-api/server';
import { countSessions } from '../extension';
import { button, byLabel, fill, waitForText } from './dom';
import {
  EXTENSION_ORIGIN,
  evaluator,
  type FirefoxExtension,
  launchFirefoxWithExtension,
  waitForTab,
} from './firefox';

let api: MockApi;
let firefox: FirefoxExtension;

beforeAll(async () => {
  api = await startMockApi({ sessions: 1200, orgs: 2, seed: 'firefox-welcome', latencyMs: 100 });
  firefox = await launchFirefoxWithExtension({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await firefox?.close();
  await api?.close();
});

it('the install opens the welcome, which goes from key to synced sessions', async () => {
  // Opened by the add-on's install, not by the test.
  const page = await waitForTab(firefox.browser, `${EXTENSION_ORIGIN}/options.html#welcome`);
  await waitForText(page, /Step 1 of 4:/);
  await fill(await byLabel(page, 'API key'), api.apiKey);
  await fill(await byLabel(page, 'API base URL'), api.baseUrl);
  await (await button(page, 'Test and continue')).click();

  await waitForText(page, /Step 2 of 4:/);
  const org = api.store.orgs[1];
  if (!org) throw new Error('The mock API has no second organization');
  const checkbox = await byLabel(page, org.org_name, { prefix: true });
  await checkbox.click();
  await (await button(page, 'Start the first sync')).click();

  await waitForText(page, /Step 3 of 4:/);
  const expected = api.store.all().filter((entry) => entry.session.org_id === org.org_id).length;
  await waitForText(
    page,
    `First sync finished: ${expected.toLocaleString('en-US')} sessions stored.`,
    60_000,
  );
  expect(await countSessions(evaluator(page))).toBe(expected);
  await waitForText(page, 'Newest sessions');
  await (await button(page, 'Continue')).click();

  await waitForText(page, /Step 4 of 4:/);
  await waitForText(page, 'Pin to Toolbar');
  await (await button(page, 'Open the sessions')).click();
  // The popup (Firefox opens it inside a click) is out of the driver's reach; the page itself
  // moves on to the regular settings.
  await waitForText(page, 'Connection');
  expect(await page.evaluate(() => location.hash)).toBe('');
});
