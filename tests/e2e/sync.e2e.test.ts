/// <reference types="chrome" />
/**
 * The built extension in Chromium against the local API: a backfill survives its service worker
 * being stopped several times, and ends equal to the server's data.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type MockApi, startMockApi } from '../../mock-api/server';
import type { SessionDetailResponse } from '../../mock-api/types';
import { type ExtensionBrowser, launchWithExtension, stopServiceWorkers } from './chromium';
import {
  configure,
  countSessions,
  extensionPage,
  readCachedSessions,
  readTable,
  waitUntil,
} from './extension';

let api: MockApi;
let browser: ExtensionBrowser;

beforeAll(async () => {
  // Slow pages make the backfill last long enough to be interrupted (it reads several at once).
  api = await startMockApi({ sessions: 12000, orgs: 2, seed: 5, latencyMs: 800 });
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

it('resumes a backfill after the service worker is stopped several times, ending equal to the server', async () => {
  // Any document of the extension's origin can read its storage; this test needs no UI.
  const page = await extensionPage(browser, 'manifest.json');
  await configure(page, { apiKey: api.apiKey, apiBaseUrl: api.baseUrl, orgIds: api.orgIds });

  let stops = 0;
  for (const threshold of [1000, 2500, 4000]) {
    await waitUntil(
      `${threshold} sessions cached`,
      async () => (await countSessions(page)) >= threshold,
    );
    const cached = await countSessions(page);
    if (cached >= api.store.size) break;
    await stopServiceWorkers(browser);
    stops++;
    // Nothing is written while the worker is down.
    const whileStopped = await countSessions(page);
    await page.waitForTimeout(600);
    expect(await countSessions(page)).toBe(whileStopped);
    // Any event wakes the worker again (here a message, as when the popup asks for something).
    await page.evaluate(() => chrome.runtime.sendMessage({ wake: true }).catch(() => undefined));
  }
  expect(stops).toBe(3);

  const readStates = () =>
    readTable<{ pass: unknown; lastSuccessAt: number | null }>(page, 'syncState');
  await waitUntil(
    'the resumed sync to finish',
    async () => {
      const states = await readStates();
      return (
        states.length === 2 && states.every((s) => s.pass === null && s.lastSuccessAt !== null)
      );
    },
    120_000,
  ).catch(async (error: Error) => {
    // Where the sync stood tells a stalled resume from a failed one.
    const where = { syncState: await readStates(), meta: await readTable(page, 'meta') };
    throw new Error(`${error.message}\n${JSON.stringify(where)}`);
  });

  const sessions = await readCachedSessions<SessionDetailResponse>(page);
  const cached = new Map(sessions.map((session) => [session.session_id, session]));
  const server = api.store.all().map((entry) => entry.session);
  expect(cached.size).toBe(server.length);
  for (const session of server) expect(cached.get(session.session_id)).toEqual(session);
});
