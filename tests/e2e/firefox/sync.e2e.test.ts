/**
 * Firefox runs the background as an event page, which it unloads when idle (30 s by default;
 * 3 s here). A long backfill must still end equal to the server's data.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type MockApi, startMockApi } from '../../../mock-api/server';
import type { SessionDetailResponse } from '../../../mock-api/types';
import { configure, countSessions, readCachedSessions, readTable, waitUntil } from '../extension';
import { evaluator, type FirefoxExtension, launchFirefoxWithExtension } from './firefox';

let api: MockApi;
let firefox: FirefoxExtension;

beforeAll(async () => {
  // Slow pages (2.5 s each) make the backfill outlast the idle time-out several times over.
  api = await startMockApi({ sessions: 2000, orgs: 2, seed: 'firefox-sync', latencyMs: 2500 });
  firefox = await launchFirefoxWithExtension({
    prefs: { 'extensions.background.idle.timeout': 3000 },
  });
});

afterAll(async () => {
  await firefox?.close();
  await api?.close();
});

it('finishes a long backfill in an event page that Firefox unloads when idle', async () => {
  const page = evaluator(await firefox.open('options.html'));
  const started = Date.now();
  await configure(page, { apiKey: api.apiKey, apiBaseUrl: api.baseUrl, orgIds: api.orgIds });
  await waitUntil(
    'the sync to finish',
    async () => {
      const states = await readTable<{ pass: unknown; lastSuccessAt: number | null }>(
        page,
        'syncState',
      );
      return (
        states.length === 2 && states.every((s) => s.pass === null && s.lastSuccessAt !== null)
      );
    },
    150_000,
  ).catch(async (error: Error) => {
    throw new Error(`${error.message}; ${await countSessions(page)} sessions cached`);
  });
  // The backfill outlasted the 3 s idle time-out several times (concurrent pages make it
  // shorter than pages × latency, so this is not the sequential figure).
  expect(Date.now() - started).toBeGreaterThan(3 * 3000);
  const cached = new Map(
    (await readCachedSessions<SessionDetailResponse>(page)).map((s) => [s.session_id, s]),
  );
  const server = api.store.all().map((entry) => entry.session);
  expect(cached.size).toBe(server.length);
  for (const session of server) expect(cached.get(session.session_id)).toEqual(session);
});
