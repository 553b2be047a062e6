/** The client against the local Devin API server over real HTTP. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type MockApi, startMockApi } from '../../../mock-api/server';
import type { DevinClient } from '../client';
import { DevinApiError } from '../errors';
import { iterateSessionPages } from '../paginate';
import { createV2Client } from './client';

const FAST_RETRY = { baseDelayMs: 5, maxDelayMs: 20 };
const SESSIONS_PATH = (org: string) => `/v2/enterprise/organizations/${org}/sessions/insights`;

let api: MockApi;
let client: DevinClient;
let org: string;

beforeAll(async () => {
  api = await startMockApi({ sessions: 600, orgs: 2, seed: 7 });
  org = api.orgIds[0] as string;
  client = createV2Client({ baseUrl: api.baseUrl, apiKey: api.apiKey, retry: FAST_RETRY });
});
afterAll(() => api.close());
beforeEach(() => {
  api.setFaults({
    rateLimitEvery: 0,
    serverErrorBurst: null,
    latencyMs: 0,
    malformedEvery: 0,
    invalidRecords: 0,
    directoryForbidden: false,
    variants: false,
  });
  api.requestLog.reset();
});

async function failure(promise: Promise<unknown>): Promise<DevinApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DevinApiError);
  return error as DevinApiError;
}

describe('sessions page', () => {
  it('sends every query parameter, arrays as repeated keys, and the key as a Bearer token', async () => {
    const users = api.store
      .all()
      .filter((e) => e.session.org_id === org && e.session.user_id)
      .map((e) => e.session.user_id as string);
    const two = [...new Set(users)].slice(0, 2);
    const page = await client.listSessionsPage(
      org,
      { skip: 5, limit: 20 },
      {
        createdFrom: '2020-01-01T00:00:00Z',
        createdTo: '2100-01-01T00:00:00Z',
        updatedFrom: '2020-01-01T00:00:00Z',
        updatedTo: '2100-01-01T00:00:00Z',
        userIds: two,
      },
    );
    const sent = new URL(api.requestLog.recent.at(-1)?.url ?? '', api.baseUrl);
    expect(sent.searchParams.getAll('user_ids')).toEqual(two);
    expect(sent.searchParams.get('skip')).toBe('5');
    expect(sent.searchParams.get('limit')).toBe('20');
    expect(sent.searchParams.get('created_date_from')).toBe('2020-01-01T00:00:00Z');
    expect(sent.searchParams.get('updated_date_to')).toBe('2100-01-01T00:00:00Z');
    expect(api.requestLog.recent.at(-1)?.authorization).toBe(true);
    expect(page.sessions.every((s) => two.includes(s.user_id as string))).toBe(true);
    expect(page.skip).toBe(5);
    expect(page.serverTime).toBeTypeOf('number');
  });

  it('filters by session id', async () => {
    const ids = api.store
      .all()
      .filter((e) => e.session.org_id === org)
      .slice(3, 6)
      .map((e) => e.session.session_id);
    const page = await client.listSessionsPage(org, { skip: 0, limit: 200 }, { sessionIds: ids });
    expect(page.sessions.map((s) => s.session_id).sort()).toEqual([...ids].sort());
    expect(page.total).toBe(3);
  });

  it('walks every page to exactly `total` distinct sessions', async () => {
    const seen = new Set<string>();
    let total = 0;
    for await (const page of iterateSessionPages(client, org, { limit: 37 })) {
      for (const s of page.sessions) seen.add(s.session_id);
      total = page.total ?? 0;
    }
    expect(total).toBe(api.store.all().filter((e) => e.session.org_id === org).length);
    expect(seen.size).toBe(total);
  });

  it('keeps the rest of a page when a record breaks the schema, and says which and why', async () => {
    api.setFaults({ invalidRecords: 3 });
    let kept = 0;
    const skipped: { sessionId: string | null; reason: string }[] = [];
    let total = 0;
    // Every organization: which one holds the broken records depends on the generated data.
    for (const orgId of api.orgIds) {
      for await (const page of iterateSessionPages(client, orgId)) {
        kept += page.sessions.length;
        skipped.push(...page.skipped);
        if (page.skip === 0) total += page.total ?? 0;
      }
    }
    expect(skipped.length).toBe(3);
    expect(kept + skipped.length).toBe(total);
    for (const record of skipped) expect(record.reason).not.toBe('');
  });

  it('tolerates the pr_url/pr_state and devin- id variants', async () => {
    api.setFaults({ variants: true });
    const { sessions, skipped } = await client.listSessionsPage(org, { skip: 0, limit: 200 });
    expect(skipped).toEqual([]);
    expect(sessions.some((s) => s.session_id.startsWith('devin-'))).toBe(true);
    for (const s of sessions)
      for (const pr of s.pull_requests) expect(pr.url).toMatch(/^https:\/\//);
  });
});

describe('errors', () => {
  it('401 for a wrong key, without retrying', async () => {
    const wrong = createV2Client({
      baseUrl: api.baseUrl,
      apiKey: 'apk_user_wrong',
      retry: FAST_RETRY,
    });
    const error = await failure(wrong.listSessionsPage(org, { skip: 0, limit: 1 }));
    expect(error.kind).toBe('unauthorized');
    expect(error.message).toMatch(/key was refused/);
    expect(api.requestLog.total).toBe(1);
  });

  it('403 for a key that is not an enterprise admin', async () => {
    const user = createV2Client({
      baseUrl: api.baseUrl,
      apiKey: api.nonAdminKey as string,
      retry: FAST_RETRY,
    });
    expect((await failure(user.listSessionsPage(org, { skip: 0, limit: 1 }))).kind).toBe(
      'forbidden',
    );
    expect(api.requestLog.total).toBe(1);
  });

  it('404 for an unknown organization', async () => {
    expect((await failure(client.listSessionsPage('org-nope', { skip: 0, limit: 1 }))).kind).toBe(
      'not_found',
    );
    expect(api.requestLog.total).toBe(1);
  });

  it('422 with the reasons the API gave', async () => {
    const error = await failure(
      client.listSessionsPage(org, { skip: 0, limit: 1 }, { createdFrom: 'yesterday' }),
    );
    expect(error.kind).toBe('invalid_request');
    expect(error.message).toContain('created_date_from');
    expect(api.requestLog.total).toBe(1);
  });

  it('waits as long as Retry-After says on 429, then succeeds', async () => {
    api.setFaults({ rateLimitEvery: 2, retryAfterSeconds: 1 });
    const retries: number[] = [];
    const patient = createV2Client({
      baseUrl: api.baseUrl,
      apiKey: api.apiKey,
      retry: FAST_RETRY,
      onRetry: (_e, delay) => retries.push(delay),
    });
    await patient.listSessionsPage(org, { skip: 0, limit: 1 });
    const started = Date.now();
    const page = await patient.listSessionsPage(org, { skip: 0, limit: 1 });
    expect(page.sessions).toHaveLength(1);
    expect(retries).toEqual([1000]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('retries a burst of 5xx and succeeds', async () => {
    // Requests 3 and 4 fail: the third call needs three attempts.
    api.setFaults({ serverErrorBurst: { every: 3, length: 2, status: 503 } });
    await client.listSessionsPage(org, { skip: 0, limit: 1 });
    await client.listSessionsPage(org, { skip: 0, limit: 1 });
    const page = await client.listSessionsPage(org, { skip: 0, limit: 1 });
    expect(page.sessions).toHaveLength(1);
    expect(api.requestLog.count(SESSIONS_PATH(org))).toBe(5);
  });

  it('gives up on 5xx after a bounded number of attempts', async () => {
    api.setFaults({ serverErrorBurst: { every: 1, length: 1000, status: 500 } });
    const error = await failure(client.listSessionsPage(org, { skip: 0, limit: 1 }));
    expect(error.kind).toBe('server');
    expect(api.requestLog.count(SESSIONS_PATH(org))).toBe(5);
  });

  it('reports a malformed body as such', async () => {
    api.setFaults({ malformedEvery: 1 });
    expect((await failure(client.listSessionsPage(org, { skip: 0, limit: 1 }))).kind).toBe(
      'malformed',
    );
  });

  it('times out a slow server', async () => {
    api.setFaults({ latencyMs: 400 });
    const impatient = createV2Client({
      baseUrl: api.baseUrl,
      apiKey: api.apiKey,
      timeoutMs: 100,
      retry: { ...FAST_RETRY, maxAttempts: 2 },
    });
    expect((await failure(impatient.listSessionsPage(org, { skip: 0, limit: 1 }))).kind).toBe(
      'timeout',
    );
  });

  it('reports an unreachable server as a network error', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const offline = createV2Client({
      baseUrl: `http://127.0.0.1:${port}`,
      apiKey: api.apiKey,
      retry: { ...FAST_RETRY, maxAttempts: 2 },
    });
    const error = await failure(offline.listOrganizations());
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/could not be reached/);
  });
});

describe('the key stays with the API origin', () => {
  let other: Server;
  let otherSawAuthorization: boolean | null = null;
  let redirector: Server;

  beforeAll(async () => {
    other = createServer((req, res) => {
      otherSawAuthorization = req.headers.authorization !== undefined;
      res.end('{}');
    });
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    const otherPort = (other.address() as AddressInfo).port;
    redirector = createServer((_req, res) => {
      res.writeHead(302, { Location: `http://localhost:${otherPort}/steal` });
      res.end();
    });
    await new Promise<void>((r) => redirector.listen(0, '127.0.0.1', r));
  });
  afterAll(async () => {
    await new Promise((r) => other.close(r));
    await new Promise((r) => redirector.close(r));
  });

  it('refuses to follow a redirect to another origin', async () => {
    const port = (redirector.address() as AddressInfo).port;
    const redirected = createV2Client({
      baseUrl: `http://127.0.0.1:${port}`,
      apiKey: 'apk_user_secret',
      retry: { ...FAST_RETRY, maxAttempts: 1 },
    });
    await failure(redirected.listOrganizations());
    expect(otherSawAuthorization).toBeNull();
  });
});

describe('directory', () => {
  it('lists organizations and members with names', async () => {
    const orgs = await client.listOrganizations();
    expect(orgs.map((o) => o.org_id).sort()).toEqual([...api.orgIds].sort());
    expect(orgs.every((o) => typeof o.org_name === 'string')).toBe(true);
    const members = await client.listMembers();
    expect(members.length).toBeGreaterThan(0);
    expect(members[0]).toMatchObject({ user_id: expect.any(String), name: expect.any(String) });
  });

  it('says forbidden when the key may not read the directory', async () => {
    api.setFaults({ directoryForbidden: true });
    expect((await failure(client.listOrganizations())).kind).toBe('forbidden');
  });
});

describe('a page with more items than asked for', () => {
  let oversized: Server;
  let baseUrl = '';

  beforeAll(async () => {
    // Answers every request with three sessions, whatever the limit.
    oversized = createServer((_req, res) => {
      const session = (id: string) => ({
        session_id: id,
        status: 'exit',
        org_id: 'org-a',
        created_at: '2026-01-01T00:00:00Z',
        updated_at: '2026-01-01T00:00:00Z',
      });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          items: [session('a'), session('b'), session('c')],
          total: 3,
          skip: 0,
          limit: 2,
          has_more: false,
        }),
      );
    });
    await new Promise<void>((r) => oversized.listen(0, '127.0.0.1', r));
    baseUrl = `http://127.0.0.1:${(oversized.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => oversized.close(r)));

  it('is refused as unreadable rather than stored', async () => {
    const strict = createV2Client({ baseUrl, apiKey: 'k', retry: { maxAttempts: 1 } });
    await expect(strict.listSessionsPage('org-a', { skip: 0, limit: 2 })).rejects.toMatchObject({
      kind: 'malformed',
    });
    const roomy = await strict.listSessionsPage('org-a', { skip: 0, limit: 3 });
    expect(roomy.sessions).toHaveLength(3);
  });
});
