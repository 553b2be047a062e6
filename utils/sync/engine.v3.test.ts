/** The sync engine over the v3 API (a `cog_` token), against the local server over HTTP. */
import { afterEach, describe, expect, it } from 'vitest';
import { type MockApi, startMockApi } from '../../mock-api/server';
import {
  countingSessions,
  stoppedAtFirstCursor,
  stoppedAtPage,
} from '../../tests/fixtures/clients';
import { createClient, type DevinClient, toEpochMs } from '../api';
import { DevinDatabase, readAllSessions, readCacheSummary } from '../db';
import { runSync, type SyncRequest } from './engine';
import { cacheIdentity } from './identity';
import { readSyncStatus } from './status';

const FAST_RETRY = { baseDelayMs: 5, maxDelayMs: 20 };
let servers: MockApi[] = [];

afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function server(options: Parameters<typeof startMockApi>[0]): Promise<MockApi> {
  const api = await startMockApi(options);
  servers.push(api);
  return api;
}

const clientFor = (api: MockApi, token = api.v3Token): DevinClient =>
  createClient({ baseUrl: api.baseUrl, apiKey: token, retry: FAST_RETRY });

const newDb = () => new DevinDatabase(`sync-v3-${Math.random()}`);

async function request(
  api: MockApi,
  db: DevinDatabase,
  extra: Partial<SyncRequest> = {},
): Promise<SyncRequest> {
  return {
    db,
    client: clientFor(api),
    identity: await cacheIdentity(api.baseUrl, api.v3Token),
    orgIds: api.orgIds,
    historyDays: null,
    holder: 'test-worker',
    ...extra,
  };
}

const v3Id = (id: string) => (id.startsWith('devin-') ? id : `devin-${id}`);
const seconds = (iso: string) => Math.floor(toEpochMs(iso) / 1000);

/** What differs between the cache and the server: ids, instants (to the second) and fields. */
async function differences(api: MockApi, db: DevinDatabase): Promise<string[]> {
  const cached = new Map((await readAllSessions(db)).map((s) => [s.session_id, s]));
  const wrong: string[] = [];
  const expected = api.store.all().map((entry) => entry.session);
  for (const session of expected) {
    const id = v3Id(session.session_id);
    const copy = cached.get(id);
    if (
      !copy ||
      seconds(copy.created_at) !== seconds(session.created_at) ||
      seconds(copy.updated_at) !== seconds(session.updated_at) ||
      copy.status !== session.status ||
      copy.acus_consumed !== (session.acus_consumed ?? 0) ||
      copy.org_id !== session.org_id
    ) {
      wrong.push(id);
    }
  }
  if (cached.size !== expected.length)
    wrong.push(`${cached.size} cached, ${expected.length} served`);
  const summary = await readCacheSummary(db);
  if (summary.sessions !== cached.size) wrong.push('summary: wrong session count');
  return wrong;
}

/** The v3 session pages the server was asked for, as their query strings, in order. */
function pageQueries(api: MockApi): URLSearchParams[] {
  return api.requestLog.recent
    .filter((r) => r.path === '/v3/enterprise/sessions/insights')
    .map((r) => new URL(r.url, api.baseUrl).searchParams);
}

/**
 * Runs a backfill of the first organization from whose `stopAt`th page on no page comes back
 * (the worker was stopped), and waits until the pages before it are stored. Returns the run's
 * clock and the pass it left.
 */
async function stopMidBackfill(api: MockApi, db: DevinDatabase, stopAt: number) {
  const dying = stoppedAtPage(clientFor(api), stopAt);
  const now = Date.now();
  void runSync(
    await request(api, db, { client: dying.client, holder: 'worker-1', now: () => now }),
  );
  const pass = async () => (await db.syncState.get(api.orgIds[0] as string))?.pass;
  await expect.poll(async () => (await pass())?.pagesDone, { timeout: 10_000 }).toBe(stopAt - 1);
  return { now, pass: await pass() };
}

/**
 * Runs a backfill of the first organization until a slice's next page is asked for with its
 * cursor, from which on no page comes back (the worker was stopped with that slice half read),
 * and waits until the pages that came back are stored. Where slices are cut depends on the
 * sessions' times, which the local API sets from the time it starts: stopping at a fixed page
 * found no slice half read at some times of day.
 */
async function stopWithSliceHalfRead(api: MockApi, db: DevinDatabase) {
  const dying = stoppedAtFirstCursor(clientFor(api));
  const now = Date.now();
  void runSync(
    await request(api, db, { client: dying.client, holder: 'worker-1', now: () => now }),
  );
  const pass = async () => (await db.syncState.get(api.orgIds[0] as string))?.pass;
  await expect.poll(() => dying.stopped(), { timeout: 10_000 }).toBe(true);
  await expect
    .poll(async () => (await pass())?.pagesDone === dying.returned(), { timeout: 10_000 })
    .toBe(true);
  return { now, pass: await pass() };
}

describe('sync over v3', () => {
  it('copies every session with the same instants, then asks only for changes', async () => {
    const api = await server({ sessions: 1500, orgs: 2, seed: 31 });
    const db = newDb();
    expect((await runSync(await request(api, db))).result).toBe('done');
    expect(await differences(api, db)).toEqual([]);
    expect(pageQueries(api).every((q) => q.getAll('org_ids').length === 1)).toBe(true);

    api.store.createSessions(20);
    api.store.updateSessions(40);
    api.requestLog.reset();
    expect((await runSync(await request(api, db))).result).toBe('done');
    const queries = pageQueries(api);
    expect(queries.length).toBe(2);
    for (const query of queries) expect(Number(query.get('updated_after'))).toBeGreaterThan(0);
    expect(await differences(api, db)).toEqual([]);
  });

  it('resumes from the stored cursor after the worker died, and starts over when it expired', async () => {
    const api = await server({ sessions: 1600, orgs: 1, seed: 37 });
    const db = newDb();
    const { now, pass } = await stopWithSliceHalfRead(api, db);
    // The slices on their way kept their cursors.
    const cursors = (pass?.slices ?? []).flatMap((slice) => slice.cursor ?? []);
    expect(cursors.length).toBeGreaterThan(0);

    // The stored cursor has expired by the time a new worker starts: the walk starts over.
    api.setFaults({ cursorTtlMs: 1000 });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    api.requestLog.reset();
    const later = now + 2 * 60 * 1000;
    const outcome = await runSync(await request(api, db, { holder: 'worker-2', now: () => later }));
    expect(outcome.result === 'failed' ? outcome.status.lastError : null).toBeNull();
    expect(outcome.result).toBe('done');
    // Each stored cursor was tried once, refused, and its slice read again from its start.
    const queries = pageQueries(api);
    const tried = queries.flatMap((q) => q.get('after') ?? []).filter((c) => cursors.includes(c));
    expect(tried.sort()).toEqual([...cursors].sort());
    expect(await differences(api, db)).toEqual([]);
  });

  it('resumes from the stored cursor without reading a page twice', async () => {
    const api = await server({ sessions: 1200, orgs: 1, seed: 41 });
    const db = newDb();
    const { now } = await stopMidBackfill(api, db, 4);
    const stored = (await readAllSessions(db)).length;
    const counting = countingSessions(clientFor(api));
    const later = now + 2 * 60 * 1000;
    await runSync(
      await request(api, db, { client: counting.client, holder: 'worker-2', now: () => later }),
    );
    // What was stored is not read again (but a session or two where slices meet).
    expect(counting.read()).toBeGreaterThanOrEqual(1200 - stored);
    expect(counting.read()).toBeLessThan(1200 - stored + 10);
    expect(await differences(api, db)).toEqual([]);
  });

  it('reads slices at once and ends equal to the server through cursor traps and expiry', async () => {
    const api = await server({
      sessions: 3000,
      orgs: 2,
      seed: 53,
      cursorRepeatEvery: 3,
      cursorNullEvery: 5,
      rateLimitEvery: 7,
      retryAfterSeconds: 0,
    });
    const db = newDb();
    // A trapped page fails the run; each run keeps what it stored and the next goes on.
    const outcomes: string[] = [];
    for (let run = 0; run < 40 && outcomes.at(-1) !== 'done'; run++) {
      outcomes.push((await runSync(await request(api, db))).result);
    }
    expect(outcomes.at(-1)).toBe('done');
    expect(outcomes).toContain('failed');
    // Slices were read: pages bounded by creation time were asked for.
    expect(pageQueries(api).some((q) => q.has('created_before'))).toBe(true);
    api.setFaults({ cursorRepeatEvery: 0, cursorNullEvery: 0, rateLimitEvery: 0 });
    expect((await runSync(await request(api, db))).result).toBe('done');
    expect(await differences(api, db)).toEqual([]);
  });

  it('reads everything and says so when the server ignores the incremental filter', async () => {
    const api = await server({ sessions: 600, orgs: 1, seed: 47 });
    const db = newDb();
    await runSync(await request(api, db));
    api.store.updateSessions(10);
    // A server that drops `updated_after`, as v3 drops any parameter it does not know.
    const ignoring = createClient({
      baseUrl: api.baseUrl,
      apiKey: api.v3Token,
      retry: FAST_RETRY,
      fetch: (input, init) => {
        const url = new URL(String(input));
        url.searchParams.delete('updated_after');
        return fetch(url, init);
      },
    });
    expect((await runSync(await request(api, db, { client: ignoring }))).result).toBe('done');
    expect(await differences(api, db)).toEqual([]);
    const state = await db.syncState.get(api.orgIds[0] as string);
    expect(state?.notice).toMatch(/ignored the "updated since" filter/);
    // The next pass that the server honours clears it.
    expect((await runSync(await request(api, db))).result).toBe('done');
    expect((await db.syncState.get(api.orgIds[0] as string))?.notice).toBeNull();
  });

  it('stops and names the permission a service user lacks', async () => {
    const api = await server({ sessions: 50, orgs: 1, seed: 43 });
    const db = newDb();
    const limited = clientFor(api, api.v3LimitedToken as string);
    const outcome = await runSync(await request(api, db, { client: limited }));
    expect(outcome.result).toBe('failed');
    expect((await readSyncStatus(db)).pausedReason).toMatch(/lacks ViewAccountSessions/);
  });
});
