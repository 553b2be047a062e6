import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FIXED_NOW, sessionProblems } from '../tests/fixtures/mock-api';
import { generateDataset } from './data';
import { DEFAULT_FAULTS, FaultSchedule } from './faults';
import type { MockApi, MockApiOptions } from './server';
import { startMockApi } from './server';
import type { PaginatedResponse, SessionDetailResponse } from './types';

const dataset = generateDataset({ sessions: 300, orgs: 3, seed: 11, now: FIXED_NOW });
const nowMs = Date.parse(FIXED_NOW);

type Page = PaginatedResponse<SessionDetailResponse>;

let api: MockApi;
const extra: MockApi[] = [];

async function start(options: MockApiOptions = {}): Promise<MockApi> {
  const instance = await startMockApi({ dataset, clock: () => nowMs + 60_000, ...options });
  extra.push(instance);
  return instance;
}

function get(target: MockApi, path: string, key: string | null = target.apiKey): Promise<Response> {
  const headers: Record<string, string> = key === null ? {} : { authorization: `Bearer ${key}` };
  return fetch(`${target.baseUrl}${path}`, { headers });
}

async function getJson<T = Page>(target: MockApi, path: string): Promise<T> {
  const res = await get(target, path);
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

async function walk(
  target: MockApi,
  path: string,
  limit = 200,
): Promise<{ items: unknown[]; totals: number[] }> {
  const items: unknown[] = [];
  const totals: number[] = [];
  let skip: number | null = 0;
  const sep = path.includes('?') ? '&' : '?';
  while (skip !== null) {
    const page: Page = await getJson(target, `${path}${sep}skip=${skip}&limit=${limit}`);
    items.push(...page.items);
    totals.push(page.total);
    expect(page.next_cursor).toBe(page.has_more ? skip + limit : null);
    skip = page.next_cursor;
  }
  return { items, totals };
}

beforeAll(async () => {
  api = await startMockApi({ dataset, clock: () => nowMs + 60_000 });
});

afterAll(async () => {
  await api.close();
});

afterEach(async () => {
  await Promise.all(extra.splice(0).map((instance) => instance.close()));
});

const orgPath = (orgId: string) => `/v2/enterprise/organizations/${orgId}/sessions/insights`;
const allPath = '/v2/enterprise/sessions/insights';

describe('auth', () => {
  it('answers 401 without a key or with a wrong one', async () => {
    const missing = await get(api, allPath, null);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ detail: 'Not authenticated' });
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');

    const wrong = await get(api, allPath, 'apk_user_wrong');
    expect(wrong.status).toBe(401);
    expect(typeof ((await wrong.json()) as { detail: unknown }).detail).toBe('string');

    const basic = await fetch(`${api.baseUrl}${allPath}`, {
      headers: { authorization: `Basic ${api.apiKey}` },
    });
    expect(basic.status).toBe(401);
  });

  it('answers 403 to an ordinary user key', async () => {
    expect(api.apiKey).toMatch(/^apk_user_/);
    const res = await get(api, orgPath(api.orgIds[0] ?? ''), api.nonAdminKey);
    expect(res.status).toBe(403);
    expect(typeof ((await res.json()) as { detail: unknown }).detail).toBe('string');
  });

  it('checks auth before validation, validation before the org lookup', async () => {
    expect((await get(api, `${allPath}?limit=999`, null)).status).toBe(401);
    expect((await get(api, `${orgPath('org-nope')}?limit=999`)).status).toBe(422);
    expect((await get(api, orgPath('org-nope'))).status).toBe(404);
  });
});

describe('errors in FastAPI shapes', () => {
  it('422 for limit > 200', async () => {
    const res = await get(api, `${allPath}?limit=201`);
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      detail: [
        {
          type: 'less_than_equal',
          loc: ['query', 'limit'],
          msg: 'Input should be less than or equal to 200',
          input: '201',
          ctx: { le: 200 },
        },
      ],
    });
  });

  it('422 for limit < 1, skip < 0, non-integers and bad datetimes, all reported together', async () => {
    const res = await get(api, `${allPath}?skip=-1&limit=0&updated_date_to=not-a-date`);
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      detail: [
        {
          type: 'greater_than_equal',
          loc: ['query', 'skip'],
          msg: 'Input should be greater than or equal to 0',
          input: '-1',
          ctx: { ge: 0 },
        },
        {
          type: 'greater_than_equal',
          loc: ['query', 'limit'],
          msg: 'Input should be greater than or equal to 1',
          input: '0',
          ctx: { ge: 1 },
        },
        {
          type: 'datetime_from_date_parsing',
          loc: ['query', 'updated_date_to'],
          msg: 'Input should be a valid datetime or date, invalid character in year',
          input: 'not-a-date',
          ctx: { error: 'invalid character in year' },
        },
      ],
    });
    const nonInt = (await (await get(api, `${allPath}?limit=ten`)).json()) as {
      detail: { type: string }[];
    };
    expect(nonInt.detail[0]?.type).toBe('int_parsing');
  });

  it('404 for an unknown org and an unknown path, 405 for other methods', async () => {
    const org = await get(api, orgPath('org-does-not-exist'));
    expect(org.status).toBe(404);
    expect(await org.json()).toEqual({ detail: 'Organization not found' });

    const path = await get(api, '/v2/enterprise/nothing-here');
    expect(path.status).toBe(404);
    expect(await path.json()).toEqual({ detail: 'Not Found' });

    const post = await fetch(`${api.baseUrl}${allPath}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${api.apiKey}` },
    });
    expect(post.status).toBe(405);
    expect(await post.json()).toEqual({ detail: 'Method Not Allowed' });
  });

  it('redirects a trailing slash like Starlette and serves one session by id', async () => {
    const redirect = await fetch(`${api.baseUrl}${allPath}/?limit=1`, { redirect: 'manual' });
    expect(redirect.status).toBe(307);
    expect(redirect.headers.get('location')).toBe(`${allPath}?limit=1`);

    const target = dataset.sessions[7];
    const one = await getJson<SessionDetailResponse>(
      api,
      `/v2/enterprise/sessions/${target?.session_id}`,
    );
    expect(one).toEqual(target);
    const missing = await get(api, '/v2/enterprise/sessions/0000');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ detail: 'Session not found' });
  });

  it('answers CORS preflights and sets Allow-Origin everywhere', async () => {
    const pre = await fetch(`${api.baseUrl}${allPath}`, {
      method: 'OPTIONS',
      headers: {
        origin: 'chrome-extension://abc',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
      'authorization',
    );
    expect((await get(api, allPath, null)).headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('sessions insights', () => {
  it('serves the contract envelope with defaults and contract-exact items', async () => {
    const page = await getJson(api, allPath);
    expect(Object.keys(page).sort()).toEqual([
      'has_more',
      'items',
      'limit',
      'next_cursor',
      'skip',
      'total',
    ]);
    expect(page).toMatchObject({
      total: 300,
      skip: 0,
      limit: 100,
      has_more: true,
      next_cursor: 100,
    });
    expect(page.items).toHaveLength(100);
    expect(page.items.flatMap((s) => sessionProblems(s))).toEqual([]);
    expect(page.items.map((s) => s.session_id)).toEqual(
      dataset.sessions.slice(0, 100).map((s) => s.session_id),
    );
  });

  it('walks every page to exactly `total` distinct sessions', async () => {
    const { items, totals } = await walk(api, allPath, 37);
    const ids = items.map((s) => (s as SessionDetailResponse).session_id);
    expect(new Set(totals)).toEqual(new Set([300]));
    expect(ids).toHaveLength(300);
    expect(new Set(ids).size).toBe(300);
  });

  it('scopes to the org in the path and returns an empty last page past the end', async () => {
    const orgId = api.orgIds[1] ?? '';
    const expected = dataset.sessions.filter((s) => s.org_id === orgId).map((s) => s.session_id);
    const { items } = await walk(api, orgPath(orgId));
    expect(items.map((s) => (s as SessionDetailResponse).session_id)).toEqual(expected);
    const beyond = await getJson(api, `${orgPath(orgId)}?skip=100000`);
    expect(beyond).toEqual({
      items: [],
      total: expected.length,
      skip: 100000,
      limit: 100,
      has_more: false,
      next_cursor: null,
    });
  });

  it('filters by created and updated dates with inclusive bounds', async () => {
    const target = dataset.sessions[42];
    if (!target) throw new Error('fixture');
    const exact = await getJson(
      api,
      `${allPath}?created_date_from=${target.created_at}&created_date_to=${target.created_at}`,
    );
    expect(exact.items.map((s) => s.session_id)).toContain(target.session_id);
    expect(exact.items.every((s) => s.created_at === target.created_at)).toBe(true);

    const from = '2025-05-01T00:00:00Z';
    const to = '2025-05-15';
    const range = await walk(api, `${allPath}?updated_date_from=${from}&updated_date_to=${to}`);
    const expected = dataset.sessions.filter(
      (s) =>
        Date.parse(s.updated_at) >= Date.parse(from) &&
        Date.parse(s.updated_at) <= Date.parse(`${to}T00:00:00Z`),
    );
    expect(range.items).toHaveLength(expected.length);
    expect(expected.length).toBeGreaterThan(0);

    const offset = await getJson(
      api,
      `${allPath}?created_date_from=${encodeURIComponent('2025-05-01T02:00:00+02:00')}`,
    );
    expect(offset.total).toBe(
      dataset.sessions.filter((s) => s.created_at >= '2025-05-01T00:00:00.000Z').length,
    );
  });

  it('filters by repeated user_ids, session_ids and org_ids keys', async () => {
    const users = [
      ...new Set(dataset.sessions.map((s) => s.user_id).filter((u): u is string => u !== null)),
    ];
    const [u1, u2] = users;
    if (!u1 || !u2) throw new Error('fixture');
    const byUser = await walk(api, `${allPath}?user_ids=${u1}&user_ids=${u2}`);
    const expectedUsers = dataset.sessions
      .filter((s) => s.user_id === u1 || s.user_id === u2)
      .map((s) => s.session_id);
    expect(byUser.items.map((s) => (s as SessionDetailResponse).session_id)).toEqual(expectedUsers);

    const picked = [dataset.sessions[5], dataset.sessions[250], dataset.sessions[120]].map(
      (s) => s?.session_id ?? '',
    );
    const bySession = await getJson(
      api,
      `${allPath}?${picked.map((id) => `session_ids=${id}`).join('&')}`,
    );
    expect(bySession.total).toBe(3);
    // Still in API order, whatever the order of the filter values.
    expect(bySession.items.map((s) => s.session_id)).toEqual([picked[0], picked[2], picked[1]]);

    const [o1, o2] = api.orgIds;
    const byOrgs = await getJson(api, `${allPath}?org_ids=${o1}&org_ids=${o2}&limit=1`);
    expect(byOrgs.total).toBe(
      dataset.sessions.filter((s) => s.org_id === o1 || s.org_id === o2).length,
    );
    const crossed = await getJson(api, `${orgPath(o1 ?? '')}?org_ids=${o2}`);
    expect(crossed.total).toBe(0);
  });

  it('shows created sessions first and finds updated ones by updated_date_from', async () => {
    const local = await start();
    const created = local.store.createSessions(2);
    const first = await getJson(local, `${allPath}?limit=2`);
    expect(first.items.map((s) => s.session_id).sort()).toEqual(
      created.map((s) => s.session_id).sort(),
    );
    expect(first.total).toBe(302);

    const updated = local.store.updateSessions(4);
    const stamp = updated[0]?.updated_at ?? '';
    expect(Date.parse(stamp)).toBeGreaterThan(Date.parse(created[0]?.updated_at ?? ''));
    const found = await getJson(local, `${allPath}?updated_date_from=${stamp}`);
    expect(found.items.map((s) => s.session_id).sort()).toEqual(
      updated.map((s) => s.session_id).sort(),
    );
  });
});

describe('directory endpoints', () => {
  it('lists organizations, members, one member and org members with the same envelope', async () => {
    const orgs = await getJson<PaginatedResponse<{ org_id: string }>>(
      api,
      '/v2/enterprise/organizations?limit=2',
    );
    expect(orgs).toMatchObject({ total: 3, skip: 0, limit: 2, has_more: true, next_cursor: 2 });

    const members = await getJson<PaginatedResponse<{ user_id: string; email: string }>>(
      api,
      '/v2/enterprise/members?limit=200',
    );
    expect(members.total).toBe(dataset.members.length);
    const someone = dataset.members[2];
    if (!someone) throw new Error('fixture');
    const byEmail = await getJson<PaginatedResponse<unknown>>(
      api,
      `/v2/enterprise/members?email=${encodeURIComponent(someone.email)}`,
    );
    expect(byEmail.items).toEqual([someone]);
    expect(await getJson(api, `/v2/enterprise/members/${someone.user_id}`)).toEqual(someone);
    expect((await get(api, '/v2/enterprise/members/user-nobody')).status).toBe(404);

    const orgId = api.orgIds[0] ?? '';
    const orgMembers = await getJson<PaginatedResponse<Record<string, unknown>>>(
      api,
      `/v2/enterprise/organizations/${orgId}/members?limit=200`,
    );
    expect(orgMembers.total).toBe(dataset.orgs.find((o) => o.org_id === orgId)?.org_user_count);
    expect(Object.keys(orgMembers.items[0] ?? {}).sort()).toEqual(
      ['email', 'enterprise_role', 'name', 'org_id', 'org_name', 'org_role', 'user_id'].sort(),
    );
    expect((await get(api, '/v2/enterprise/organizations?limit=500')).status).toBe(422);
  });
});

describe('request log', () => {
  it('counts requests per path and remembers URLs and Authorization presence', async () => {
    const local = await start({ requestLogSize: 2 });
    await get(local, `${allPath}?limit=1`);
    await get(local, `${allPath}?limit=2`, null);
    await get(local, '/v2/enterprise/organizations');
    expect(local.requestLog.count(allPath)).toBe(2);
    expect(local.requestLog.total).toBe(3);
    expect(local.requestLog.recent).toEqual([
      {
        method: 'GET',
        url: `${allPath}?limit=2`,
        path: allPath,
        authorization: false,
        status: 401,
        at: expect.any(Number),
      },
      {
        method: 'GET',
        url: '/v2/enterprise/organizations',
        path: '/v2/enterprise/organizations',
        authorization: true,
        status: 200,
        at: expect.any(Number),
      },
    ]);
  });
});

describe('faults', () => {
  it('rate limits every Nth request with Retry-After', async () => {
    const local = await start({ rateLimitEvery: 3, retryAfterSeconds: 2 });
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 6; i++) {
      const res = await get(local, allPath);
      statuses.push(res.status);
      if (res.status === 429) {
        retryAfter = res.headers.get('retry-after');
        expect(await res.json()).toEqual({ detail: expect.any(String) });
      } else await res.arrayBuffer();
    }
    expect(statuses).toEqual([200, 200, 429, 200, 200, 429]);
    expect(retryAfter).toBe('2');

    local.setFaults({ rateLimitEvery: 1, retryAfterSeconds: 0 });
    const res = await get(local, allPath);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('0');
  });

  it('sends bursts of 5xx', async () => {
    const local = await start({ serverErrorBurst: { every: 4, length: 2, status: 503 } });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await get(local, `${allPath}?limit=1`);
      statuses.push(res.status);
      await res.arrayBuffer();
    }
    expect(statuses).toEqual([200, 200, 200, 503, 503, 200, 200, 503, 503, 200]);
  });

  it('truncates every Nth 200 body', async () => {
    const local = await start({ malformedEvery: 2 });
    const first = await get(local, `${allPath}?limit=3`);
    await first.json();
    const second = await get(local, `${allPath}?limit=3`);
    expect(second.status).toBe(200);
    const text = await second.text();
    expect(() => JSON.parse(text)).toThrow();
  });

  it('adds latency', async () => {
    const local = await start({ latencyMs: 60 });
    const started = performance.now();
    await (await get(local, `${allPath}?limit=1`)).arrayBuffer();
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('varies the latency within its jitter', async () => {
    const local = await start({ latencyMs: 100, latencyJitterMs: 80 });
    const times = async () => {
      const took: number[] = [];
      for (let i = 0; i < 8; i++) {
        const started = performance.now();
        await (await get(local, `${allPath}?limit=1`)).arrayBuffer();
        took.push(performance.now() - started);
      }
      return took;
    };
    const took = await times();
    for (const ms of took) expect(ms).toBeGreaterThanOrEqual(15);
    expect(Math.max(...took) - Math.min(...took)).toBeGreaterThan(30);
  });

  it('draws jittered delays evenly around the latency, the same sequence every time', () => {
    const faults = { ...DEFAULT_FAULTS, latencyMs: 400, latencyJitterMs: 100 };
    const draw = () => {
      const schedule = new FaultSchedule(faults);
      return Array.from({ length: 200 }, () => schedule.nextDelayMs());
    };
    const delays = draw();
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(300);
    expect(Math.max(...delays)).toBeLessThanOrEqual(500);
    expect(Math.min(...delays)).toBeLessThan(320);
    expect(Math.max(...delays)).toBeGreaterThan(480);
    const mean = delays.reduce((sum, ms) => sum + ms, 0) / delays.length;
    expect(Math.abs(mean - 400)).toBeLessThan(15);
    expect(draw()).toEqual(delays);
  });

  it('serves K persistently invalid records that still count', async () => {
    const local = await start({ invalidRecords: 3 });
    const walkOnce = async () =>
      (await walk(local, allPath, 50)).items as Record<string, unknown>[];
    const items = await walkOnce();
    expect(items).toHaveLength(300);
    const broken = items.filter((s) => sessionProblems(s).length > 0);
    expect(broken).toHaveLength(3);
    expect(broken.filter((s) => !('session_id' in s))).toHaveLength(1);
    expect(broken.filter((s) => s.created_at === 'not-a-date')).toHaveLength(1);
    expect(broken.filter((s) => s.acus_consumed === 'lots')).toHaveLength(1);
    expect(JSON.stringify(await walkOnce())).toBe(JSON.stringify(items));
  });

  it('forbids the directory endpoints when asked, sessions keep working', async () => {
    const local = await start({ directoryForbidden: true });
    expect((await get(local, '/v2/enterprise/organizations')).status).toBe(403);
    expect((await get(local, '/v2/enterprise/members')).status).toBe(403);
    expect((await get(local, allPath)).status).toBe(200);
  });

  it('serves documented variants only when enabled', async () => {
    const plain = await walk(api, allPath);
    const plainText = JSON.stringify(plain.items);
    expect(plainText).not.toContain('pr_url');
    expect(plainText).not.toContain('"devin-');

    const local = await start({ variants: true });
    const { items } = await walk(local, allPath);
    const sessions = items as Record<string, unknown>[];
    const prefixed = sessions.filter((s) => String(s.session_id).startsWith('devin-'));
    expect(prefixed.length).toBeGreaterThan(30);
    expect(JSON.stringify(items)).toContain('"pr_url"');
    const one = prefixed[0];
    const byId = await getJson(local, `${allPath}?session_ids=${String(one?.session_id)}`);
    expect(byId.total).toBe(1);
  });

  it('churns sessions on a timer', async () => {
    const local = await start({ churn: { intervalMs: 15, create: 2, update: 3 }, clock: Date.now });
    await new Promise((resolve) => setTimeout(resolve, 120));
    const page = await getJson(local, `${allPath}?limit=1`);
    expect(page.total).toBeGreaterThan(300);
    local.setFaults({ churn: null });
    const size = local.store.size;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(local.store.size).toBe(size);
  });
});
