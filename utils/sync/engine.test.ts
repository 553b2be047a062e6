/**
 * The real sync code against the local Devin API server over real HTTP, with fake-indexeddb as
 * the browser's IndexedDB. Each scenario ends by comparing the cache with the server's data,
 * field by field.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type MockApi, startMockApi } from '../../mock-api/server';
import { countingSessions, stoppedAtPage } from '../../tests/fixtures/clients';
import { cachedCount, rowsById } from '../../tests/fixtures/db';
import { createV2Client, DevinApiError, type DevinClient, type Session } from '../api';
import { DevinDatabase, readAllSessions, readCacheSummary, toSessionRow } from '../db';
import { SyncCancelled } from './cancel';
import { runSync, type SyncRequest } from './engine';
import { cacheIdentity } from './identity';
import { INCREMENTAL_BATCH_PAGES } from './org-pass';
import { readSyncStatus } from './status';

const FAST_RETRY = { baseDelayMs: 5, maxDelayMs: 20 };
let servers: MockApi[] = [];

afterEach(async () => {
  // A test that failed before restoring its spy on IndexedDB must not break the next ones.
  vi.restoreAllMocks();
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function server(options: Parameters<typeof startMockApi>[0]): Promise<MockApi> {
  const api = await startMockApi(options);
  servers.push(api);
  return api;
}

function clientFor(api: MockApi, apiKey = api.apiKey): DevinClient {
  return createV2Client({ baseUrl: api.baseUrl, apiKey, retry: FAST_RETRY });
}

async function request(
  api: MockApi,
  db: DevinDatabase,
  extra: Partial<SyncRequest> = {},
): Promise<SyncRequest> {
  return {
    db,
    client: clientFor(api),
    identity: await cacheIdentity(api.baseUrl, api.apiKey),
    orgIds: api.orgIds,
    historyDays: null,
    holder: 'test-worker',
    ...extra,
  };
}

function serverSessions(api: MockApi, orgIds: readonly string[] = api.orgIds): Session[] {
  return api.store
    .all()
    .map((entry) => entry.session as Session)
    .filter((s) => orgIds.includes(s.org_id));
}

/** Ids whose cached copy differs from the server's (or is missing, or is extra). */
async function differences(db: DevinDatabase, expected: Session[]): Promise<string[]> {
  const cached = new Map((await readAllSessions(db)).map((s) => [s.session_id, s]));
  const rows = await rowsById(db);
  const wrong: string[] = [];
  for (const session of expected) {
    const copy = cached.get(session.session_id);
    const row = rows.get(session.session_id);
    try {
      expect(copy).toEqual(session);
      expect(row).toEqual(toSessionRow(session));
    } catch {
      wrong.push(session.session_id);
    }
  }
  const expectedIds = new Set(expected.map((s) => s.session_id));
  for (const id of cached.keys()) if (!expectedIds.has(id)) wrong.push(id);
  if (rows.size !== cached.size) wrong.push('rows and details differ in count');
  // The summary's counts are kept as pages are written, never recounted on the way.
  const summary = await readCacheSummary(db);
  if (summary.sessions !== cached.size) wrong.push('summary: wrong session count');
  if (summary.pages !== (await db.pages.count())) wrong.push('summary: wrong page count');
  return wrong;
}

const newDb = () => new DevinDatabase(`sync-${Math.random()}`);

/** A full disk, as IndexedDB reports it. */
const quotaExceeded = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/**
 * Calls `onPut` with the store's name before every IndexedDB put; it may throw, as a put on a
 * full disk does. Returns the spy (restored after each test in any case).
 */
function watchPuts(onPut: (store: string) => void) {
  const put = IDBObjectStore.prototype.put;
  return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
    this: IDBObjectStore,
    ...args
  ) {
    onPut(this.name);
    return put.apply(this, args);
  });
}

/** The session pages the server was asked for, as "path?query", in order. */
function pageRequests(api: MockApi): string[] {
  return api.requestLog.recent
    .filter((r) => r.path.endsWith('/sessions/insights'))
    .map((r) => {
      const url = new URL(r.url, api.baseUrl);
      return `${url.pathname}?${url.searchParams}`;
    });
}

describe('backfill', () => {
  it('copies 5,000 sessions over 3 organizations exactly', async () => {
    const api = await server({ sessions: 5000, orgs: 3, seed: 42 });
    const db = newDb();
    const outcome = await runSync(await request(api, db));
    expect(outcome.result).toBe('done');
    expect(await cachedCount(db)).toBe(5000);
    // Each page asked for once, the first while the run began included. Slices end on pages
    // that are not full, so there are a few more pages than the sessions fill.
    const asked = pageRequests(api);
    const pagesPerOrg = api.orgIds.map((org) =>
      Math.max(1, Math.ceil(serverSessions(api, [org]).length / 200)),
    );
    const fewest = pagesPerOrg.reduce((a, b) => a + b, 0);
    expect(asked.length).toBeGreaterThanOrEqual(fewest);
    expect(asked.length).toBeLessThanOrEqual(fewest * 1.5);
    expect(new Set(asked).size).toBe(asked.length);
    expect(await differences(db, serverSessions(api))).toEqual([]);
    const states = await db.syncState.toArray();
    expect(states).toHaveLength(3);
    for (const state of states) {
      expect(state.pass).toBeNull();
      expect(state.watermark).toBeTypeOf('number');
      expect(state.lastError).toBeNull();
    }
    // Names for the UI came along.
    expect(await db.organizations.count()).toBe(3);
    expect(await db.members.count()).toBeGreaterThan(0);
  });

  it('rides out 429s with Retry-After and bursts of 5xx', async () => {
    const api = await server({
      sessions: 1500,
      orgs: 2,
      seed: 3,
      rateLimitEvery: 4,
      retryAfterSeconds: 0,
      serverErrorBurst: { every: 5, length: 2, status: 502 },
    });
    const db = newDb();
    const outcome = await runSync(await request(api, db, { pageSize: 100 }));
    expect(outcome.result === 'failed' ? outcome.status.lastError : null).toBeNull();
    expect(outcome.result).toBe('done');
    expect(await differences(db, serverSessions(api))).toEqual([]);
  });

  it('skips, counts and reports records that break the schema, and keeps the rest', async () => {
    // Of the first three kinds of broken record, each breaks a strict field.
    const api = await server({ sessions: 900, orgs: 1, seed: 5, invalidRecords: 3 });
    const db = newDb();
    await runSync(await request(api, db));
    const state = await db.syncState.get(api.orgIds[0] as string);
    expect(state?.skippedCount).toBe(3);
    expect(state?.skipped.map((s) => s.reason).join(' ')).toMatch(/created_at/);
    expect(await cachedCount(db)).toBe(897);
    const cachedIds = new Set((await rowsById(db)).keys());
    const valid = serverSessions(api).filter((s) => cachedIds.has(s.session_id));
    expect(valid).toHaveLength(897);
    expect(await differences(db, valid)).toEqual([]);
  });
});

/**
 * A server whose pages shift between two requests: the second page of a query (by offset; of
 * the first query that has one, the same in every walk) answers with the session just before
 * it in place of its own first one (`times` times), so that session appears twice and the
 * page's own first one never.
 */
function shiftingPages(real: DevinClient, times: number): DevinClient {
  let shifted = 0;
  let target: string | null = null;
  return {
    ...real,
    async listSessionsPage(orgId, page, query, ...rest) {
      const answer = await real.listSessionsPage(orgId, page, query, ...rest);
      const walk = JSON.stringify(query ?? {});
      const second = answer.skip >= answer.limit && answer.skip < 2 * answer.limit;
      if (!second || shifted >= times) return answer;
      target ??= walk;
      if (walk !== target) return answer;
      shifted++;
      const before = await real.listSessionsPage(orgId, { skip: answer.skip - 1, limit: 1 }, query);
      const last = before.sessions[0] as Session;
      return { ...answer, sessions: [last, ...answer.sessions.slice(1)] };
    },
  };
}

describe('concurrent backfill', () => {
  it('reads several slices at once, the newest sessions first, each session read once', async () => {
    const api = await server({ sessions: 3000, orgs: 1, seed: 29, latencyMs: 30 });
    const db = newDb();
    let inFlight = 0;
    let most = 0;
    const counting = createV2Client({
      baseUrl: api.baseUrl,
      apiKey: api.apiKey,
      retry: FAST_RETRY,
      fetch: async (input, init) => {
        most = Math.max(most, ++inFlight);
        try {
          return await fetch(input, init);
        } finally {
          inFlight--;
        }
      },
    });
    const sessions = countingSessions(counting);
    expect((await runSync(await request(api, db, { client: sessions.client }))).result).toBe(
      'done',
    );
    expect(most).toBe(4);
    // The first page is the newest sessions; the others are slices of older creation times.
    const asked = pageRequests(api).map((path) => new URLSearchParams(path.split('?')[1]));
    expect(asked[0]?.has('created_date_to')).toBe(false);
    expect(asked.slice(1).every((query) => query.has('created_date_to'))).toBe(true);
    // Slices meet between pages: a session or two of the second where they meet is read twice.
    expect(sessions.read()).toBeLessThan(3000 + 10);
    expect(await differences(db, serverSessions(api))).toEqual([]);
  });

  it('ends equal to the server under every fault at once, sessions changing as it reads', async () => {
    const api = await server({
      sessions: 4000,
      orgs: 2,
      seed: 31,
      rateLimitEvery: 6,
      retryAfterSeconds: 0,
      serverErrorBurst: { every: 11, length: 2, status: 503 },
      malformedEvery: 9,
      invalidRecords: 3,
      churn: { intervalMs: 40, create: 2, update: 3 },
    });
    const db = newDb();
    expect((await runSync(await request(api, db))).result).toBe('done');
    const skipped = (await db.syncState.toArray()).reduce((n, s) => n + s.skippedCount, 0);
    expect(skipped).toBe(3);
    // Once the changes stop, the next sync catches up with all of them.
    api.setFaults({ churn: null });
    expect((await runSync(await request(api, db))).result).toBe('done');
    // Every session but the three broken ones, each counted once.
    const cachedIds = new Set((await rowsById(db)).keys());
    const valid = serverSessions(api).filter((s) => cachedIds.has(s.session_id));
    expect(valid).toHaveLength(serverSessions(api).length - 3);
    expect(await differences(db, valid)).toEqual([]);
  });
});

/** The first page of a walk of the whole history (each backfill starts with it). */
function isWholeHistoryFirstPage(path: string): boolean {
  const query = new URLSearchParams(path.split('?')[1]);
  return query.get('skip') === '0' && !query.has('created_date_to');
}

describe('backfill checked against the server total', () => {
  it('walks again when a backfill cached fewer sessions than the server counted', async () => {
    const api = await server({ sessions: 1000, orgs: 1, seed: 73 });
    const db = newDb();
    api.requestLog.reset();
    const outcome = await runSync(
      await request(api, db, { client: shiftingPages(clientFor(api), 1) }),
    );
    expect(outcome.result).toBe('done');
    // The whole window walked twice: its first page (the newest sessions) asked for twice.
    expect(pageRequests(api).filter(isWholeHistoryFirstPage)).toHaveLength(2);
    expect(await differences(db, serverSessions(api))).toEqual([]);
    const state = await db.syncState.get(api.orgIds[0] as string);
    expect(state?.notice ?? null).toBeNull();
    expect(state?.pass).toBeNull();
    // The next run is incremental again.
    api.requestLog.reset();
    await runSync(await request(api, db));
    expect(pageRequests(api).every((path) => path.includes('updated_date_from'))).toBe(true);
  });

  it('says so when the second walk still finds fewer, and keeps what it found', async () => {
    const api = await server({ sessions: 1000, orgs: 1, seed: 79 });
    const db = newDb();
    const outcome = await runSync(
      await request(api, db, { client: shiftingPages(clientFor(api), 2) }),
    );
    expect(outcome.result).toBe('done');
    expect(await cachedCount(db)).toBe(999);
    const state = await db.syncState.get(api.orgIds[0] as string);
    expect(state?.notice).toMatch(/Devin reported 1,000 sessions .* 1 of them did not come back/);
    expect(state?.watermark).toBeTypeOf('number');
  });

  it('does not walk again when every session is cached, or when records were skipped', async () => {
    const api = await server({ sessions: 900, orgs: 1, seed: 5, invalidRecords: 3 });
    const db = newDb();
    api.requestLog.reset();
    await runSync(await request(api, db));
    const asked = pageRequests(api);
    expect(asked.filter(isWholeHistoryFirstPage)).toHaveLength(1);
    expect(new Set(asked).size).toBe(asked.length);
    expect(await cachedCount(db)).toBe(897);
  });
});

describe('incremental sync', () => {
  it('asks only for what changed and picks up new and updated sessions', async () => {
    const api = await server({ sessions: 2000, orgs: 2, seed: 9 });
    const db = newDb();
    await runSync(await request(api, db));
    api.store.createSessions(30);
    api.store.updateSessions(70);
    api.requestLog.reset();

    await runSync(await request(api, db));
    const sessionRequests = api.requestLog.recent.filter((r) =>
      r.path.endsWith('/sessions/insights'),
    );
    expect(sessionRequests.length).toBe(2);
    for (const r of sessionRequests) {
      expect(new URL(r.url, api.baseUrl).searchParams.get('updated_date_from')).not.toBeNull();
    }
    expect(await differences(db, serverSessions(api))).toEqual([]);
  });

  it('asks every organization for its pages at once, backfill or changes, and stores them all', async () => {
    // At a latency, as a real server's: the first organization's pages take a while.
    const api = await server({ sessions: 900, orgs: 3, seed: 23, latencyMs: 20 });
    const db = newDb();
    const real = clientFor(api);
    let calls: string[] = [];
    const watched: DevinClient = {
      ...real,
      async listSessionsPage(orgId, ...rest) {
        calls.push(orgId);
        return real.listSessionsPage(orgId, ...rest);
      },
    };
    const [first, second, third] = api.orgIds as [string, string, string];
    // A backfill: the next organizations' first pages go out while the first one is still
    // read, so no request place waits for an organization to end.
    await runSync(await request(api, db, { client: watched, pageSize: 50 }));
    expect(calls.indexOf(second)).toBeLessThan(calls.lastIndexOf(first));
    expect(calls.indexOf(third)).toBeLessThan(calls.lastIndexOf(first));
    expect(await differences(db, serverSessions(api))).toEqual([]);

    // Incremental: every organization's first page goes out while the first one is still read.
    api.store.updateSessions(150);
    calls = [];
    await runSync(await request(api, db, { client: watched, pageSize: 10 }));
    const ofFirst = calls.flatMap((orgId, i) => (orgId === first ? [i] : []));
    expect(ofFirst.length).toBeGreaterThan(3);
    expect(calls.indexOf(second)).toBeLessThan(ofFirst.at(-1) as number);
    expect(calls.indexOf(third)).toBeLessThan(ofFirst.at(-1) as number);
    expect(await differences(db, serverSessions(api))).toEqual([]);
  });

  it('stores nothing again for sessions it re-reads unchanged, and counts each session once', async () => {
    const api = await server({ sessions: 600, orgs: 1, seed: 13 });
    const db = newDb();
    await runSync(await request(api, db));
    // Sessions updated within the overlap are read again by every incremental sync.
    api.store.updateSessions(40);
    await runSync(await request(api, db));
    const pages = await db.pages.count();
    const summary = await readCacheSummary(db);

    await runSync(await request(api, db));
    expect(await db.pages.count()).toBe(pages);
    expect(await readCacheSummary(db)).toMatchObject({
      sessions: summary.sessions,
      copies: summary.copies,
    });
    expect(summary.sessions).toBe(600);
    expect(await differences(db, serverSessions(api))).toEqual([]);
  });

  it('compacts superseded copies as updates pile up, keeping the cache equal to the server', async () => {
    const api = await server({ sessions: 600, orgs: 1, seed: 15 });
    const db = newDb();
    await runSync(await request(api, db));
    for (let round = 0; round < 5; round++) {
      api.store.updateSessions(100);
      await runSync(await request(api, db));
    }
    const summary = await readCacheSummary(db);
    expect(summary.sessions).toBe(600);
    // 500 superseded copies were written; compaction dropped them once past the threshold.
    expect(summary.copies - summary.sessions).toBeLessThanOrEqual(200);
    expect(await differences(db, serverSessions(api))).toEqual([]);
  });

  it('catches sessions created and updated while a backfill is running', async () => {
    const api = await server({ sessions: 3000, orgs: 2, seed: 11 });
    const db = newDb();
    const real = clientFor(api);
    let pages = 0;
    // Between pages the server changes: new sessions shift offsets, updates move timestamps.
    const changing: DevinClient = {
      ...real,
      async listSessionsPage(...args) {
        const page = await real.listSessionsPage(...args);
        if (++pages % 3 === 0) {
          api.store.createSessions(7);
          api.store.updateSessions(11);
        }
        return page;
      },
    };
    await runSync(await request(api, db, { client: changing }));
    await runSync(await request(api, db));
    expect(await differences(db, serverSessions(api))).toEqual([]);
  });
});

describe('crash safety', () => {
  it('resumes a backfill from its checkpoint after the worker died, with nothing lost or doubled', async () => {
    const api = await server({ sessions: 2400, orgs: 1, seed: 13 });
    const db = newDb();
    // From the fifth page on, none comes back: the worker was stopped while waiting for them,
    // several pages of different slices on their way at once.
    const dying = stoppedAtPage(clientFor(api), 5);
    const now = Date.now();
    void runSync(
      await request(api, db, { client: dying.client, holder: 'worker-1', now: () => now }),
    );
    await expect.poll(dying.asked, { timeout: 10_000 }).toBeGreaterThanOrEqual(5);
    // The four pages that came back are stored, each with the checkpoint after it.
    const checkpoint = () => db.syncState.get(api.orgIds[0] as string);
    await expect
      .poll(async () => (await checkpoint())?.pass?.pagesDone, { timeout: 10_000 })
      .toBe(4);
    // Where two slices meet, a session may be read twice; it is stored once.
    const stored = await cachedCount(db);
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThanOrEqual((await checkpoint())?.pass?.sessionsDone ?? 0);
    expect((await checkpoint())?.pass?.slices?.length).toBeGreaterThan(0);

    // A new worker, after the dead one's lease lapsed, reads only what was not stored (give
    // or take the few sessions of a second where two slices meet).
    const counting = countingSessions(clientFor(api));
    const later = now + 2 * 60 * 1000;
    const outcome = await runSync(
      await request(api, db, { client: counting.client, holder: 'worker-2', now: () => later }),
    );
    expect(outcome.result).toBe('done');
    expect(counting.read()).toBeGreaterThanOrEqual(2400 - stored);
    expect(counting.read()).toBeLessThan(2400 - stored + 10);
    expect(await differences(db, serverSessions(api))).toEqual([]);
  });

  it('stops when asked (new settings) without reporting an error, and resumes later', async () => {
    const api = await server({ sessions: 2000, orgs: 1, seed: 43 });
    const db = newDb();
    const controller = new AbortController();
    const real = clientFor(api);
    let pages = 0;
    const stopping: DevinClient = {
      ...real,
      async listSessionsPage(...args) {
        if (++pages === 3) controller.abort();
        return real.listSessionsPage(...args);
      },
    };
    const outcome = await runSync(
      await request(api, db, { client: stopping, signal: controller.signal }),
    );
    expect(outcome.result).toBe('cancelled');
    expect((await readSyncStatus(db)).lastError).toBeNull();
    // What arrived before the stop is stored with its checkpoint.
    const pass = (await db.syncState.get(api.orgIds[0] as string))?.pass;
    expect(pass?.sessionsDone).toBeGreaterThan(0);
    expect(pass?.sessionsDone).toBe(await cachedCount(db));
    expect((await runSync(await request(api, db))).result).toBe('done');
    expect(await differences(db, serverSessions(api))).toEqual([]);
  });

  it('keeps what a stopped incremental run fetched, each batch with its checkpoint', async () => {
    const api = await server({ sessions: 1200, orgs: 2, seed: 67 });
    const db = newDb();
    await runSync(await request(api, db));
    const [first, second] = api.orgIds as [string, string];
    const before = await db.syncState.get(first);
    api.store.updateSessions(200);
    const changed = (orgId: string) =>
      serverSessions(api, [orgId]).filter(
        (s) => Date.parse(s.updated_at) >= (before?.watermark ?? 0),
      );
    expect(changed(second).length).toBeGreaterThan(30);

    // New settings stop the run once the second organization's second page is in: the first
    // organization's pass has arrived whole (its last batch not stored yet), and a few pages
    // of the second one.
    const controller = new AbortController();
    const real = clientFor(api);
    let firstPages = 0;
    let consumed = 0;
    const counting: DevinClient = {
      ...real,
      async listSessionsPage(orgId, ...rest) {
        if (orgId === first) firstPages++;
        return real.listSessionsPage(orgId, ...rest);
      },
    };
    const outcome = await runSync({
      ...(await request(api, db, { client: counting, signal: controller.signal, pageSize: 10 })),
      onPage: () => {
        // Organizations are stored one after another: the first one's pages come first.
        if (++consumed === firstPages + 2) controller.abort(new SyncCancelled(false));
      },
    });
    expect(outcome.result).toBe('cancelled');
    expect((await readSyncStatus(db)).lastError).toBeNull();
    // The first organization's changes are cached, its pass done; the second's two pages are
    // stored with the checkpoint after them.
    const cached = await rowsById(db);
    const storedOf = (orgId: string) =>
      changed(orgId).filter(
        (s) => cached.get(s.session_id)?.updated_at === Date.parse(s.updated_at),
      ).length;
    expect(storedOf(first)).toBe(changed(first).length);
    const firstState = await db.syncState.get(first);
    expect(firstState?.pass).toBeNull();
    const secondState = await db.syncState.get(second);
    // Pages already on their way when the run stopped are kept too.
    const kept = secondState?.pass?.pagesDone ?? 0;
    expect(kept).toBeGreaterThanOrEqual(2);
    expect(secondState?.pass).toMatchObject({ kind: 'incremental', nextSkip: kept * 10 });
    expect(storedOf(second)).toBeGreaterThanOrEqual(kept * 10);
    expect(storedOf(second)).toBeLessThan(changed(second).length);

    // The next run goes on from there: the second organization from the pages kept.
    api.requestLog.reset();
    expect((await runSync(await request(api, db, { pageSize: 10 }))).result).toBe('done');
    const asked = pageRequests(api).filter((path) => path.includes(second));
    expect(new URLSearchParams(asked[0]?.split('?')[1]).get('skip')).toBe(String(kept * 10));
    expect(await differences(db, serverSessions(api))).toEqual([]);
  });

  it('stores nothing of a run stopped for another key: that cache is discarded', async () => {
    const api = await server({ sessions: 600, orgs: 1, seed: 71 });
    const db = newDb();
    await runSync(await request(api, db));
    const before = await db.syncState.get(api.orgIds[0] as string);
    const copies = (await readCacheSummary(db)).copies;
    api.store.updateSessions(60);
    const controller = new AbortController();
    const real = clientFor(api);
    let pages = 0;
    const stopping: DevinClient = {
      ...real,
      async listSessionsPage(...args) {
        if (++pages === 3) controller.abort(new SyncCancelled(true));
        return real.listSessionsPage(...args);
      },
    };
    const outcome = await runSync(
      await request(api, db, { client: stopping, signal: controller.signal, pageSize: 10 }),
    );
    expect(outcome.result).toBe('cancelled');
    expect(await db.syncState.get(api.orgIds[0] as string)).toEqual(before);
    expect((await readCacheSummary(db)).copies).toBe(copies);
  });

  it('runs one sync at a time', async () => {
    const api = await server({ sessions: 800, orgs: 1, seed: 17, latencyMs: 20 });
    const db = newDb();
    const [a, b] = await Promise.all([
      runSync(await request(api, db, { holder: 'a' })),
      runSync(await request(api, db, { holder: 'b' })),
    ]);
    expect([a.result, b.result].sort()).toEqual(['busy', 'done']);
    expect(await differences(db, serverSessions(api))).toEqual([]);
  });

  it('never stores a page after one that failed, even one already queued behind it', async () => {
    const api = await server({ sessions: 1000, orgs: 1, seed: 17 });
    const db = newDb();
    // The second page's write fails; the third is written behind it before it fails.
    let rowWrites = 0;
    const failing = watchPuts((store) => {
      if (store === 'pageRows' && ++rowWrites === 2) throw quotaExceeded();
    });
    const outcome = await runSync(await request(api, db));
    failing.mockRestore();
    expect(outcome.result).toBe('failed');
    const [state] = await db.syncState.toArray();
    expect(state?.pass?.pagesDone).toBe(1);
    expect(await cachedCount(db)).toBe(200);
    expect((await rowsById(db)).size).toBe(200);

    await runSync(await request(api, db));
    expect(await differences(db, serverSessions(api))).toEqual([]);
  });

  it('leaves the cache intact and says so when storage is full', async () => {
    const api = await server({ sessions: 1000, orgs: 1, seed: 19 });
    const db = newDb();
    await runSync(await request(api, db));
    api.store.updateSessions(300);
    const before = await readAllSessions(db);

    // The disk fills up during the next sync's first write.
    const full = watchPuts((store) => {
      if (store === 'pages') throw quotaExceeded();
    });
    const outcome = await runSync(await request(api, db));
    full.mockRestore();
    expect(outcome.result).toBe('failed');
    const status = await readSyncStatus(db);
    expect(status.lastError?.kind).toBe('quota');
    expect(status.lastError?.message).toMatch(/no room left/);
    expect(await readAllSessions(db)).toEqual(before);
  });
});

describe('errors and settings changes', () => {
  it('stops and says why when the key is refused', async () => {
    const api = await server({ sessions: 50, orgs: 2, seed: 23 });
    const db = newDb();
    const outcome = await runSync(
      await request(api, db, { client: clientFor(api, 'apk_user_revoked') }),
    );
    expect(outcome.result).toBe('failed');
    const status = await readSyncStatus(db);
    expect(status.pausedReason).toMatch(/key was refused/);
    expect(await cachedCount(db)).toBe(0);
    // Only the first organization was tried: the same key fails for all.
    const errored = (await db.syncState.toArray()).filter((s) => s.lastError);
    expect(errored).toHaveLength(1);
  });

  it('stops an incremental run at a refused key, its other requests abandoned', async () => {
    const api = await server({ sessions: 600, orgs: 3, seed: 31 });
    const db = newDb();
    await runSync(await request(api, db));
    const before = await readAllSessions(db);
    api.store.updateSessions(60);
    const signals: (AbortSignal | undefined)[] = [];
    const real = clientFor(api, 'apk_user_revoked');
    const watched: DevinClient = {
      ...real,
      async listSessionsPage(orgId, page, query, signal) {
        signals.push(signal);
        return real.listSessionsPage(orgId, page, query, signal);
      },
    };
    const outcome = await runSync(await request(api, db, { client: watched }));
    expect(outcome.result).toBe('failed');
    expect((await readSyncStatus(db)).pausedReason).toMatch(/key was refused/);
    // Every organization was asked at once; the run stopped at the first refusal and let go
    // of the requests it no longer needed.
    expect(signals.length).toBe(3);
    expect(signals.slice(1).every((signal) => signal?.aborted)).toBe(true);
    expect(await readAllSessions(db)).toEqual(before);
  });

  it('reports an unknown organization and still syncs the others', async () => {
    const api = await server({ sessions: 300, orgs: 2, seed: 29 });
    const db = newDb();
    const outcome = await runSync(
      await request(api, db, { orgIds: ['org-missing', ...api.orgIds] }),
    );
    expect(outcome.result).toBe('failed');
    expect((await db.syncState.get('org-missing'))?.lastError?.kind).toBe('not_found');
    expect(await differences(db, serverSessions(api))).toEqual([]);
  });

  it('keeps no session of an organization that was removed from the settings', async () => {
    const api = await server({ sessions: 600, orgs: 2, seed: 31 });
    const db = newDb();
    await runSync(await request(api, db));
    const [kept] = api.orgIds as [string, string];
    await runSync(await request(api, db, { orgIds: [kept] }));
    expect([...(await rowsById(db)).values()].filter((row) => row.org_id !== kept)).toEqual([]);
    expect(await db.pages.where('org_id').notEqual(kept).count()).toBe(0);
    expect(await differences(db, serverSessions(api, [kept]))).toEqual([]);
  });

  it('stores an incremental pass whole or not at all, and in batches when it is long', async () => {
    const api = await server({ sessions: 3000, orgs: 1, seed: 59 });
    const db = newDb();
    await runSync(await request(api, db, { pageSize: 100 }));
    const before = await db.syncState.get(api.orgIds[0] as string);
    const copies = (await readCacheSummary(db)).copies;

    // Three pages of changes; the third request fails for good.
    api.store.updateSessions(250);
    const real = clientFor(api);
    let pages = 0;
    const failing: DevinClient = {
      ...real,
      async listSessionsPage(...args) {
        if (++pages === 3) throw new DevinApiError('server', { status: 500 });
        return real.listSessionsPage(...args);
      },
    };
    const failed = await runSync(await request(api, db, { client: failing, pageSize: 100 }));
    expect(failed.result).toBe('failed');
    // Nothing of the pass was stored: the next sync reads it all again.
    expect(await db.syncState.get(api.orgIds[0] as string)).toMatchObject({
      pass: null,
      watermark: before?.watermark,
    });
    expect((await readCacheSummary(db)).copies).toBe(copies);
    await runSync(await request(api, db, { pageSize: 100 }));
    expect(await differences(db, serverSessions(api))).toEqual([]);
    // The 250 changed sessions, stored at once, were split into pages of at most 200.
    const sizes = (await db.pageRows.toArray()).map((page) => page.rows.length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(200);

    // More pages than one batch holds: the pass checkpoints after each batch.
    api.store.updateSessions(INCREMENTAL_BATCH_PAGES * 10 + 50);
    const checkpoints: (number | undefined)[] = [];
    const long = await runSync({
      ...(await request(api, db, { pageSize: 10 })),
      onPage: async () => {
        const state = await db.syncState.get(api.orgIds[0] as string);
        checkpoints.push(state?.pass?.pagesDone);
      },
    });
    expect(long.result).toBe('done');
    // Stored after every tenth page only, the pass's end included.
    const stored = [...new Set(checkpoints)];
    expect(stored[0]).toBeUndefined();
    expect(stored.slice(1, 3)).toEqual([INCREMENTAL_BATCH_PAGES, 2 * INCREMENTAL_BATCH_PAGES]);
    expect((await db.syncState.get(api.orgIds[0] as string))?.pass).toBeNull();
    expect(await differences(db, serverSessions(api))).toEqual([]);
  });

  it('stores the last batch of every organization together at the end, or none of them', async () => {
    const api = await server({ sessions: 1200, orgs: 2, seed: 61 });
    const db = newDb();
    await runSync(await request(api, db));
    const before = await db.syncState.toArray();
    const copies = (await readCacheSummary(db)).copies;
    api.store.updateSessions(80);

    // The one write of the run's passes fails (a full disk).
    const failing = watchPuts((store) => {
      if (store === 'pageSessions') throw quotaExceeded();
    });
    const outcome = await runSync(await request(api, db));
    failing.mockRestore();
    expect(outcome.result).toBe('failed');
    const after = await db.syncState.toArray();
    for (const state of after) {
      const earlier = before.find((s) => s.org_id === state.org_id);
      expect(state.watermark).toBe(earlier?.watermark);
      expect(state.lastError?.kind).toBe('quota');
    }
    expect((await readCacheSummary(db)).copies).toBe(copies);

    // Again, in small pages: every request goes out before anything is written.
    const events: string[] = [];
    const real = clientFor(api);
    const watched: DevinClient = {
      ...real,
      async listSessionsPage(...args) {
        events.push('request');
        return real.listSessionsPage(...args);
      },
    };
    const writes = watchPuts((store) => {
      if (store === 'pages') events.push('write');
    });
    const retried = await runSync(await request(api, db, { client: watched, pageSize: 10 }));
    writes.mockRestore();
    expect(retried.result).toBe('done');
    expect(events.filter((e) => e === 'request').length).toBeGreaterThan(4);
    expect(events.indexOf('write')).toBe(events.lastIndexOf('request') + 1);
    expect(await differences(db, serverSessions(api))).toEqual([]);
  });

  it('asks a new key for everything, not for what changed since the old key synced', async () => {
    // The same organizations and sessions behind another key (another base URL too).
    const before = await server({ sessions: 600, orgs: 1, seed: 53 });
    const after = await server({ sessions: 600, orgs: 1, seed: 53, apiKey: 'apk_user_other' });
    expect(after.orgIds).toEqual(before.orgIds);
    const db = newDb();
    await runSync(await request(before, db));
    after.store.updateSessions(5);
    after.requestLog.reset();
    expect((await runSync(await request(after, db))).result).toBe('done');
    // The page asked for early (from the old key's watermark) was dropped for a backfill.
    const asked = pageRequests(after).filter((path) => !path.includes('updated_date_from'));
    expect(asked.length).toBe(3);
    expect(await differences(db, serverSessions(after))).toEqual([]);
  });

  it('starts a fresh cache for a different key', async () => {
    const first = await server({ sessions: 400, orgs: 1, seed: 37 });
    const second = await server({ sessions: 250, orgs: 1, seed: 41, apiKey: 'apk_user_second' });
    const db = newDb();
    await runSync(await request(first, db));
    expect(await cachedCount(db)).toBe(400);
    // An alert of the first key's cache goes with it.
    await db.alerts.put({
      id: 'error:s-old',
      kind: 'error',
      target: { type: 'session', sessionId: 's-old', orgId: 'org-old' },
      title: 'A session ended in error',
      detail: '',
      state: 'active',
      raisedAt: Date.now(),
      snoozedUntil: null,
    });
    await runSync(await request(second, db));
    expect(await differences(db, serverSessions(second))).toEqual([]);
    expect(await db.alerts.count()).toBe(0);
  });
});
