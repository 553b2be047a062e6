/** The v3 client against the local Devin API server over real HTTP. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type MockApi, startMockApi } from '../../../mock-api/server';
import { type DevinClient, FIRST_PAGE, type SessionPage } from '../client';
import { createClient } from '../create-client';
import { iterateSessionPages } from '../paginate';
import { toEpochMs } from '../time';

const FAST_RETRY = { baseDelayMs: 5, maxDelayMs: 20 };

let api: MockApi;
let client: DevinClient;
let org: string;

beforeAll(async () => {
  api = await startMockApi({ sessions: 450, orgs: 2, seed: 11 });
  org = api.orgIds[0] as string;
  client = createClient({ baseUrl: api.baseUrl, apiKey: api.v3Token, retry: FAST_RETRY });
});

afterAll(() => api.close());

afterEach(() => {
  api.setFaults({
    cursorRepeatEvery: 0,
    cursorNullEvery: 0,
    cursorTtlMs: 0,
    rateLimitEvery: 0,
    serverErrorBurst: null,
    malformedEvery: 0,
    invalidRecords: 0,
  });
});

const walkOrg = (orgId: string) => walk(orgId);

async function walk(orgId: string, limit = 200): Promise<SessionPage[]> {
  const pages: SessionPage[] = [];
  for await (const page of iterateSessionPages(client, orgId, { limit })) pages.push(page);
  return pages;
}

describe('the v3 client', () => {
  it('is chosen by a cog_ token and says who the token is', async () => {
    expect(client.version).toBe('v3');
    expect(await client.describeCaller?.()).toBe('sessions-dashboard');
  });

  it('walks cursor pages to the same sessions, instants and fields the server holds', async () => {
    const pages = await walk(org, 70);
    const sessions = pages.flatMap((page) => page.sessions);
    const expected = api.store
      .all()
      .map((entry) => entry.session)
      .filter((session) => session.org_id === org);
    expect(sessions).toHaveLength(expected.length);
    expect(pages.length).toBe(Math.ceil(expected.length / 70));
    const byId = new Map(sessions.map((session) => [session.session_id, session]));
    for (const server of expected) {
      const id = server.session_id.startsWith('devin-')
        ? server.session_id
        : `devin-${server.session_id}`;
      const mine = byId.get(id);
      expect(mine, id).toBeDefined();
      if (!mine) continue;
      expect(toEpochMs(mine.created_at)).toBe(
        Math.floor(toEpochMs(server.created_at) / 1000) * 1000,
      );
      expect(toEpochMs(mine.updated_at)).toBe(
        Math.floor(toEpochMs(server.updated_at) / 1000) * 1000,
      );
      expect(mine.org_id).toBe(server.org_id);
      expect(mine.status).toBe(server.status);
      expect(mine.title).toBe(server.title ?? null);
      expect(mine.acus_consumed).toBe(server.acus_consumed ?? 0);
      expect(mine.pull_requests.map((pr) => pr.url)).toEqual(
        (server.pull_requests ?? []).map((pr) => pr.url),
      );
      expect(mine.session_analysis?.issues ?? null).toEqual(
        server.session_analysis?.issues ?? null,
      );
      expect(typeof mine.num_user_messages).toBe('number');
      expect(typeof mine.is_archived).toBe('boolean');
    }
  });

  it('names the missing permission when the service user may not read sessions', async () => {
    const limited = createClient({ baseUrl: api.baseUrl, apiKey: api.v3LimitedToken as string });
    await expect(limited.listSessionsPage(org, { skip: 0, limit: 1 })).rejects.toMatchObject({
      kind: 'forbidden',
      message: expect.stringMatching(/lacks ViewAccountSessions.*Give the key or service user/),
    });
  });

  it('refuses a v2 key on v3 in plain words', async () => {
    const wrong = createClient({ baseUrl: api.baseUrl, apiKey: 'cog_not_a_real_token' });
    await expect(wrong.describeCaller?.()).rejects.toMatchObject({ kind: 'unauthorized' });
  });

  it('ends the walk instead of looping on a repeated cursor or a missing one', async () => {
    api.setFaults({ cursorRepeatEvery: 2 });
    await expect(walk(org, 50)).rejects.toMatchObject({ kind: 'pagination' });
    api.setFaults({ cursorRepeatEvery: 0, cursorNullEvery: 2 });
    await expect(walk(org, 50)).rejects.toMatchObject({ kind: 'pagination' });
  });

  it('reports an expired cursor as such, so the sync can start the walk over', async () => {
    const first = await client.listSessionsPage(org, { ...FIRST_PAGE, limit: 20 });
    expect(first.next?.cursor).toEqual(expect.any(String));
    api.setFaults({ cursorTtlMs: 1 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(
      client.listSessionsPage(org, { skip: 20, cursor: first.next?.cursor, limit: 20 }),
    ).rejects.toMatchObject({ kind: 'cursor_expired' });
  });

  it('waits out a 429 and carries on', async () => {
    api.setFaults({ rateLimitEvery: 2, retryAfterSeconds: 0 });
    const pages = await walk(org, 100);
    expect(pages.flatMap((page) => page.sessions).length).toBeGreaterThan(100);
  });

  it('rides out bursts of 5xx and unreadable bodies, as on v2', async () => {
    api.setFaults({ serverErrorBurst: { every: 3, length: 2, status: 503 }, malformedEvery: 5 });
    const sessions = (await walk(org, 100)).flatMap((page) => page.sessions);
    const served = api.store.all().filter((entry) => entry.session.org_id === org);
    expect(sessions).toHaveLength(served.length);
  });

  it('leaves out records that break the schema, says which, and keeps the rest', async () => {
    api.setFaults({ invalidRecords: 4 });
    let kept = 0;
    let skipped = 0;
    for (const orgId of api.orgIds) {
      for (const page of await walkOrg(orgId)) {
        kept += page.sessions.length;
        skipped += page.skipped.length;
      }
    }
    // The fourth breakage the server makes, `pull_requests: null`, is read as "no PRs".
    expect(skipped).toBe(3);
    expect(kept + skipped).toBe(api.store.size);
  });

  it('reads organizations and members from the v3 directory', async () => {
    const orgs = await client.listOrganizations();
    expect(orgs.map((o) => o.org_id).sort()).toEqual([...api.orgIds].sort());
    expect(orgs.every((o) => typeof o.org_name === 'string')).toBe(true);
    for (const org of orgs) {
      const server = api.store.orgs.find((o) => o.org_id === org.org_id);
      expect(org.max_cycle_acu_limit).toBe(server?.max_cycle_acu_limit);
      expect(org.max_session_acu_limit).toBe(server?.max_session_acu_limit);
    }
    expect((await client.listMembers()).length).toBeGreaterThan(0);
  });
  it('reads one session, and its messages oldest first by cursor', async () => {
    const listed = (await client.listSessionsPage(org, { ...FIRST_PAGE, limit: 1 })).sessions[0];
    if (!listed) throw new Error('fixture: no session');
    expect(await client.getSession?.(listed.session_id)).toEqual(listed);
    const first = await client.listMessages?.(listed.session_id, { first: 1 });
    expect(first?.messages).toHaveLength(1);
    expect(first?.messages[0]?.source).toBe('user');
    const rest = await client.listMessages?.(listed.session_id, { first: 200, after: first?.next });
    const times = [...(first?.messages ?? []), ...(rest?.messages ?? [])].map((m) =>
      toEpochMs(m.createdAt),
    );
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});
