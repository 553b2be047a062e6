/**
 * axe-core in Firefox ESR too: the full-tab session list, synced from the local API, has no
 * serious or critical WCAG 2.x A/AA violation (Firefox computes styles, names and roles
 * itself, so a page can pass in Chromium and not here). Light theme: Firefox over BiDi has no
 * colour-scheme emulation; both themes are checked in Chromium (../accessibility.e2e.test.ts).
 */
import { afterAll, beforeAll, it } from 'vitest';
import { type MockApi, startMockApi } from '../../../mock-api/server';
import { expectNoSeriousViolations } from '../axe';
import { configure, countSessions, waitUntil } from '../extension';
import { element } from './dom';
import { evaluator, type FirefoxExtension, launchFirefoxWithExtension } from './firefox';

let api: MockApi;
let firefox: FirefoxExtension;

beforeAll(async () => {
  api = await startMockApi({ sessions: 150, orgs: 2, seed: 'firefox-a11y' });
  firefox = await launchFirefoxWithExtension({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await firefox?.close();
  await api?.close();
});

it('has no serious violation on the full tab in Firefox', async () => {
  const setup = await firefox.open('options.html');
  await configure(evaluator(setup), {
    apiKey: api.apiKey,
    apiBaseUrl: api.baseUrl,
    orgIds: api.orgIds,
  });
  await waitUntil('sessions cached', async () => (await countSessions(evaluator(setup))) >= 150);
  await setup.close();

  const tab = await firefox.open('sessions.html');
  await element(tab, '[data-session-id]');
  await expectNoSeriousViolations(tab, 'Firefox: full tab list');
  await tab.close();
});
