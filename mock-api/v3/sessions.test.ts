// The v3 session reads against a running server: the same sessions as v2 (ids mapped, same
// instants, shared fields equal), the derived v3 fields, filters, validation, stable cursors,
// one session, its messages, and variant ids.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FIXED_NOW } from '../../tests/fixtures/mock-api';
import type { V3Page, V3Session } from '../../tests/fixtures/mock-api-v3';
import {
  expectProblem,
  v3Fetch,
  v3Json,
  v3SessionProblems,
  walkV3,
} from '../../tests/fixtures/mock-api-v3';
import { generateDataset } from '../data';
import type { MockApi, MockApiOptions } from '../server';
import { startMockApi } from '../server';
import type { PaginatedResponse, SessionDetailResponse } from '../types';

const dataset = generateDataset({ sessions: 450, orgs: 3, seed: 21, now: FIXED_NOW });
const nowMs = Date.parse(FIXED_NOW);
const list = '/v3/enterprise/sessions/insights';

let api: MockApi;
const extra: MockApi[] = [];

async function start(options: MockApiOptions = {}): Promise<MockApi> {
  const instance = await startMockApi({ dataset, clock: () => nowMs + 60_000, ...options });
  extra.push(instance);
  return instance;
}

/** Every session v2 serves for `query`, in order. */
async function walkV2(target: MockApi, query = ''): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for (let skip = 0; ; skip += 200) {
    const res = await fetch(
      `${target.baseUrl}/v2/enterprise/sessions/insights?limit=200&skip=${skip}${query}`,
      { headers: { authorization: `Bearer ${target.apiKey}` } },
    );
    const page = (await res.json()) as PaginatedResponse<Record<string, unknown>>;
    items.push(...page.items);
    if (!page.has_more) return items;
  }
}

const seconds = (iso: unknown) => Math.floor(Date.parse(String(iso)) / 1000);
const v3IdOf = (id: unknown) => (String(id).startsWith('devin-') ? String(id) : `devin-${id}`);

beforeAll(async () => {
  api = await startMockApi({ dataset, clock: () => nowMs + 60_000 });
});

afterAll(async () => {
  await api.close();
});

afterEach(async () => {
  await Promise.all(extra.splice(0).map((instance) => instance.close()));
});

describe('v3 sessions with insights', () => {
  it('walks to exactly the sessions v2 serves for the same orgs, field by field', async () => {
    const [o1, o2] = api.orgIds;
    const orgs = `org_ids=${o1}&org_ids=${o2}`;
    const v3 = await walkV3(api, `${list}?${orgs}`);
    const v2 = (await walkV2(api, `&${orgs}`)) as unknown as SessionDetailResponse[];
    expect(v2.length).toBeGreaterThan(200);
    expect(v3.pages).toBe(Math.ceil(v2.length / 200));
    expect(new Set(v3.totals)).toEqual(new Set([v2.length]));
    expect(v3.items.map((s) => s.session_id)).toEqual(v2.map((s) => v3IdOf(s.session_id)));
    expect(v3.items.flatMap((s) => v3SessionProblems(s))).toEqual([]);

    v2.forEach((old, i) => {
      const s = v3.items[i] as V3Session;
      expect(s.created_at).toBe(seconds(old.created_at));
      expect(s.updated_at).toBe(seconds(old.updated_at));
      expect(s.pull_requests).toEqual(
        old.pull_requests.map((pr) => ({ pr_url: pr.url, pr_state: pr.state })),
      );
      for (const key of ['url', 'title', 'status', 'org_id', 'user_id', 'tags', 'acus_consumed']) {
        expect(s[key as keyof V3Session], key).toEqual(old[key as keyof SessionDetailResponse]);
      }
      if (old.session_analysis === null) expect(s.analysis).toBeNull();
      else expect(s.analysis).toMatchObject(old.session_analysis);
      expect(s).not.toHaveProperty('initial_user_message');
    });
  });

  it('derives consistent v3-only fields, the same on every request', async () => {
    const { items } = await walkV3(api, list);
    expect(JSON.stringify((await walkV3(api, list)).items)).toBe(JSON.stringify(items));
    const byId = new Map(items.map((s) => [s.session_id, s]));
    const archived = items.filter((s) => s.is_archived).length;
    expect(archived).toBeGreaterThan(0);
    expect(archived).toBeLessThan(items.length * 0.1);

    const parents = items.filter((s) => s.child_session_ids !== null);
    expect(parents.length).toBeGreaterThan(0);
    for (const parent of parents) {
      for (const childId of parent.child_session_ids ?? []) {
        const child = byId.get(childId);
        expect(child?.parent_session_id).toBe(parent.session_id);
        expect(child?.user_id).toBe(parent.user_id);
        expect(child?.created_at).toBeGreaterThanOrEqual(parent.created_at);
      }
    }
    for (const s of items) {
      if (s.status === 'exit') expect(s.status_detail).toBe('finished');
      if (s.status === 'error') expect(s.status_detail).toBe('error');
      if (s.status === 'new') expect(s.status_detail).toBeNull();
      expect(s.num_user_messages).toBeGreaterThanOrEqual(1);
    }
  });

  it('filters by updated_after, created_before, org_ids, users, ids and v3 fields', async () => {
    const all = (await walkV3(api, list)).items;
    const pivot = all[120] as V3Session;
    const since = await walkV3(api, `${list}?updated_after=${pivot.updated_at}`);
    expect(since.items.length).toBeGreaterThan(0);
    expect(since.items.every((s) => s.updated_at >= pivot.updated_at)).toBe(true);
    expect(since.items).toHaveLength(all.filter((s) => s.updated_at >= pivot.updated_at).length);

    const before = await v3Json(api, `${list}?created_before=${pivot.created_at}&first=1`);
    expect(before.total).toBe(all.filter((s) => s.created_at <= pivot.created_at).length);

    const [, o2, o3] = api.orgIds;
    const byOrg = await walkV3(api, `${list}?org_ids=${o2}&org_ids=${o3}`);
    expect(byOrg.items.map((s) => s.session_id)).toEqual(
      all.filter((s) => s.org_id === o2 || s.org_id === o3).map((s) => s.session_id),
    );

    const picked = [all[300], all[3]].map((s) => s?.session_id);
    const byId = await v3Json(api, `${list}?session_ids=${picked[0]}&session_ids=${picked[1]}`);
    expect(byId.items.map((s) => s.session_id)).toEqual([picked[1], picked[0]]);
    const user = pivot.user_id ?? '';
    const byUser = await walkV3(api, `${list}?user_ids=${user}&ignored_param=1`);
    expect(byUser.items).toHaveLength(all.filter((s) => s.user_id === user).length);

    const archived = await walkV3(api, `${list}?is_archived=true`);
    expect(archived.items.map((s) => s.session_id)).toEqual(
      all.filter((s) => s.is_archived).map((s) => s.session_id),
    );
    const bugs = await walkV3(api, `${list}?category=bug_fix`);
    expect(bugs.items.length).toBeGreaterThan(0);
    expect(bugs.items.every((s) => s.analysis?.classification.category === 'bug_fix')).toBe(true);
    const tagged = await walkV3(api, `${list}?tags=tests`);
    expect(tagged.items.every((s) => s.tags.includes('tests'))).toBe(true);
    expect((await v3Json(api, `${list}?service_user_ids=su-1`)).total).toBe(0);
  });

  it('answers 422 problems for bad paging and filters, 400 for a foreign cursor', async () => {
    for (const query of [
      'first=0',
      'first=201',
      'first=ten',
      'updated_after=1.5',
      'is_archived=maybe',
    ]) {
      const detail = await expectProblem(await v3Fetch(api, `${list}?${query}`), 422);
      expect(detail).toContain(query.split('=')[0]);
    }
    const res = await v3Fetch(api, `${list}?created_after=2025-01-01`);
    expect(((await res.json()) as { errors: { type: string }[] }).errors[0]?.type).toBe(
      'int_parsing',
    );
    const orgs = await v3Json<V3Page<unknown>>(api, '/v3/enterprise/organizations?first=1');
    await expectProblem(await v3Fetch(api, `${list}?after=${orgs.end_cursor}`), 400);
    await expectProblem(await v3Fetch(api, `${list}?after=garbage`), 400);
  });

  it('keeps a walk stable while sessions are created and updated', async () => {
    const local = await start({ clock: Date.now });
    const ids: string[] = [];
    let page = await v3Json(local, `${list}?first=100`);
    for (;;) {
      ids.push(...page.items.map((s) => s.session_id));
      if (!page.has_next_page) break;
      // New sessions sort first, updated ones keep their place: no page shifts.
      local.store.createSessions(5);
      local.store.updateSessions(20);
      page = await v3Json(local, `${list}?first=100&after=${page.end_cursor}`);
    }
    expect(ids).toEqual(dataset.sessions.map((s) => `devin-${s.session_id}`));
    expect(page.total).toBe(dataset.sessions.length + 20);
  });

  it('serves one session and its messages, 404 problems for unknown ids', async () => {
    const target = dataset.sessions.find((s) => s.initial_user_message && s.status === 'exit');
    if (!target) throw new Error('fixture');
    const id = `devin-${target.session_id}`;
    const one = await v3Json<V3Session>(api, `/v3/enterprise/sessions/${id}/insights`);
    expect(one.session_id).toBe(id);
    expect(v3SessionProblems(one)).toEqual([]);

    const messages = await walkV3<Record<string, unknown>>(
      api,
      `/v3/enterprise/sessions/${id}/messages`,
      3,
    );
    expect(messages.items).toHaveLength(one.num_user_messages + one.num_devin_messages);
    expect(messages.items[0]).toEqual({
      event_id: expect.any(String),
      source: 'user',
      message: target.initial_user_message,
      created_at: one.created_at,
    });
    expect(messages.items.filter((m) => m.source === 'user')).toHaveLength(one.num_user_messages);
    const times = messages.items.map((m) => Number(m.created_at));
    expect(times).toEqual([...times].sort((a, b) => a - b));

    await expectProblem(await v3Fetch(api, '/v3/enterprise/sessions/devin-0000/insights'), 404);
    const bare = await v3Fetch(api, `/v3/enterprise/sessions/${target.session_id}/insights`);
    await expectProblem(bare, 404);
  });

  it('maps variant ids without doubling the prefix', async () => {
    const local = await start({ variants: true });
    const v2 = await walkV2(local);
    expect(v2.some((s) => String(s.session_id).startsWith('devin-'))).toBe(true);
    const v3 = await walkV3(local, list);
    expect(v3.items.map((s) => s.session_id)).toEqual(v2.map((s) => v3IdOf(s.session_id)));
    expect(v3.items.map((s) => s.status)).toEqual(v2.map((s) => s.status));
    expect(v3.items.every((s) => !s.session_id.startsWith('devin-devin-'))).toBe(true);
  });
});
