import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockApi, startMockApi } from '../../mock-api/server';
import { cachedCount, rowsById } from '../../tests/fixtures/db';
import { createV2Client, keepingFirstPage, servingKeptFirstPage } from '../api';
import { testConnection } from '../connection/test-connection';
import { DevinDatabase } from '../db';
import { DEFAULT_SETTINGS, type Settings } from '../settings/items';
import { createSyncService } from './service';

let api: MockApi;
beforeAll(async () => {
  api = await startMockApi({ sessions: 900, orgs: 2, seed: 61 });
});
afterAll(() => api.close());

const target = (apiKey = api.apiKey) => ({ baseUrl: api.baseUrl, apiKey });
const client = (apiKey = api.apiKey) =>
  createV2Client({ ...target(apiKey), retry: { maxAttempts: 1 } });

/** The key check of the options page's Save, as the background runs it. */
async function checkKey(apiKey = api.apiKey) {
  const report = await testConnection(keepingFirstPage(client(apiKey), target(apiKey)), api.orgIds);
  expect(report.ok).toBe(true);
}

/** A sync service with the background's own client (the one served the kept page). */
function sync(settings: Partial<Settings> = {}, apiKey = api.apiKey) {
  const db = new DevinDatabase(`first-page-${Math.random()}`);
  const service = createSyncService({
    db,
    readConfig: async () => ({
      apiKey,
      settings: { ...DEFAULT_SETTINGS, apiBaseUrl: api.baseUrl, orgIds: api.orgIds, ...settings },
    }),
  });
  return { db, service };
}

/** Requests for the first page of the first organization's whole history. */
function firstPageRequests(): number {
  const [first] = api.orgIds;
  return api.requestLog.recent.filter((entry) => {
    const query = new URLSearchParams(entry.url.split('?')[1]);
    return (
      entry.path.includes(`/${first}/sessions`) &&
      query.get('skip') === '0' &&
      query.get('limit') === '200' &&
      !query.has('created_date_from') &&
      !query.has('created_date_to')
    );
  }).length;
}

describe('the first page read by the key check', () => {
  it('is not asked for again by the sync that follows, which ends equal to the server', async () => {
    api.requestLog.reset();
    await checkKey();
    expect(firstPageRequests()).toBe(1);
    const { db, service } = sync();
    expect(await service.syncNow('settings')).toBe('done');
    expect(firstPageRequests()).toBe(1);
    expect(await cachedCount(db)).toBe(900);
    const cached = await rowsById(db);
    expect(api.store.all().every((entry) => cached.has(entry.session.session_id))).toBe(true);
  });

  it('is served once, only to the same address and key asking for that page, while fresh', async () => {
    const [first, second] = api.orgIds as [string, string];
    let asked = 0;
    const real = client();
    const counting = {
      ...real,
      listSessionsPage: (...args: Parameters<typeof real.listSessionsPage>) => {
        asked++;
        return real.listSessionsPage(...args);
      },
    };
    const whole = { skip: 0, limit: 200 };
    const ask = async (
      served: ReturnType<typeof servingKeptFirstPage>,
      orgId = first,
      query = {},
    ) => {
      const before = asked;
      await served.listSessionsPage(orgId, whole, query);
      return asked - before;
    };

    await checkKey();
    // Another key, another organization, a history window, a page read later: the server.
    expect(await ask(servingKeptFirstPage(counting, target('apk_user_other')))).toBe(1);
    expect(await ask(servingKeptFirstPage(counting, target()), second)).toBe(1);
    const windowFrom = new Date(Date.now() - 86_400_000).toISOString();
    expect(
      await ask(servingKeptFirstPage(counting, target()), first, { createdFrom: windowFrom }),
    ).toBe(1);
    const later = () => Date.now() + 60_000;
    expect(await ask(servingKeptFirstPage(counting, target(), later))).toBe(1);
    // The same key asking for that page: served from memory, once.
    expect(await ask(servingKeptFirstPage(counting, target()))).toBe(0);
    expect(await ask(servingKeptFirstPage(counting, target()))).toBe(1);
  });
});
