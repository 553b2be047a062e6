// v3 credentials against a running server: the two cog_ tokens, /v3/self, permissions (403
// problems naming them), v2 keys refused on /v3 and cog_ tokens on /v2, the directory.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXED_NOW } from '../../tests/fixtures/mock-api';
import { expectProblem, v3Fetch, v3Json } from '../../tests/fixtures/mock-api-v3';
import { generateDataset } from '../data';
import type { MockApi } from '../server';
import { startMockApi } from '../server';

const dataset = generateDataset({ sessions: 60, orgs: 2, seed: 8, now: FIXED_NOW });
const list = '/v3/enterprise/sessions/insights';

let api: MockApi;

beforeAll(async () => {
  api = await startMockApi({ dataset, clock: () => Date.parse(FIXED_NOW) });
});

afterAll(async () => {
  await api.close();
});

describe('v3 tokens', () => {
  it('derives two distinct cog_ tokens from the seed, or takes them from options', async () => {
    expect(api.v3Token).toMatch(/^cog_[0-9a-f]{48}$/);
    expect(api.v3LimitedToken).toMatch(/^cog_[0-9a-f]{48}$/);
    expect(api.v3LimitedToken).not.toBe(api.v3Token);
    const again = await startMockApi({ dataset });
    const custom = await startMockApi({ dataset, v3Token: 'cog_mine', v3LimitedToken: null });
    try {
      expect([again.v3Token, again.v3LimitedToken]).toEqual([api.v3Token, api.v3LimitedToken]);
      expect(custom.v3Token).toBe('cog_mine');
      expect(custom.v3LimitedToken).toBeNull();
      expect((await v3Fetch(custom, list, { token: 'cog_mine' })).status).toBe(200);
      await expectProblem(await v3Fetch(custom, list, { token: api.v3LimitedToken }), 401);
    } finally {
      await Promise.all([again.close(), custom.close()]);
    }
    await expect(startMockApi({ dataset, v3Token: 'apk_nope' })).rejects.toThrow('cog_');
  });

  it('says who the caller is on /v3/self, for both tokens', async () => {
    const full = await v3Json<Record<string, unknown>>(api, '/v3/self');
    expect(full).toEqual({
      principal_type: 'service_user',
      service_user_id: expect.stringMatching(/^service-user-/),
      service_user_name: expect.any(String),
      org_id: null,
    });
    const res = await v3Fetch(api, '/v3/self', { token: api.v3LimitedToken });
    expect(res.status).toBe(200);
    const limited = (await res.json()) as Record<string, unknown>;
    expect(limited.service_user_id).not.toBe(full.service_user_id);
  });

  it('gives the limited token the directory and 403 problems naming the permission on sessions', async () => {
    const token = api.v3LimitedToken;
    for (const path of ['/v3/enterprise/organizations', '/v3/enterprise/members/users']) {
      expect((await v3Fetch(api, path, { token })).status).toBe(200);
    }
    const id = `devin-${dataset.sessions[0]?.session_id}`;
    const lacks = (permission: string, level = 'enterprise') =>
      `This service user lacks ${permission} at ${level} level`;
    const denied: [string, string, string][] = [
      ['GET', list, lacks('ViewAccountSessions')],
      ['GET', `/v3/enterprise/sessions/${id}/insights`, lacks('ViewAccountSessions')],
      ['GET', `/v3/enterprise/sessions/${id}/messages`, lacks('ViewAccountSessions')],
      ['POST', `/v3/enterprise/sessions/${id}/insights/generate`, lacks('ManageAccountSessions')],
      [
        'DELETE',
        `/v3/organizations/${api.orgIds[0]}/sessions/${id}`,
        lacks('ManageOrgSessions', 'organization'),
      ],
    ];
    for (const [method, path, expected] of denied) {
      expect(await expectProblem(await v3Fetch(api, path, { token, method }), 403)).toBe(expected);
    }
  });

  it('refuses v2 keys on /v3 and cog_ tokens on /v2 with 401', async () => {
    const missing = await v3Fetch(api, list, { token: null });
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    expect(await expectProblem(missing, 401)).toBe('Not authenticated');
    const v2Key = await expectProblem(await v3Fetch(api, list, { token: api.apiKey }), 401);
    expect(v2Key).toContain('apk_');
    await expectProblem(await v3Fetch(api, list, { token: 'cog_unknown' }), 401);
    await expectProblem(await v3Fetch(api, '/v3/self', { token: api.nonAdminKey }), 401);

    for (const token of [api.v3Token, api.v3LimitedToken]) {
      const res = await fetch(`${api.baseUrl}/v2/enterprise/sessions/insights`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toBe('application/json');
      expect(await res.json()).toEqual({ detail: 'Invalid API key' });
    }
  });

  it('answers unknown paths and wrong methods with problems, preflights with v3 methods', async () => {
    await expectProblem(await v3Fetch(api, '/v3/enterprise/nothing'), 404);
    const wrong = await v3Fetch(api, list, { method: 'DELETE' });
    expect(wrong.headers.get('allow')).toBe('GET');
    await expectProblem(wrong, 405);
    const pre = await fetch(`${api.baseUrl}${list}`, { method: 'OPTIONS' });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-methods')).toBe('GET, POST, DELETE, OPTIONS');
  });

  it('answers 403 problems on the directory under --directory-forbidden', async () => {
    const local = await startMockApi({ dataset, directoryForbidden: true });
    try {
      const orgs = await expectProblem(await v3Fetch(local, '/v3/enterprise/organizations'), 403);
      expect(orgs).toContain('ReadAccountMeta');
      const users = await expectProblem(await v3Fetch(local, '/v3/enterprise/members/users'), 403);
      expect(users).toContain('ManageAccountMembership');
      expect((await v3Fetch(local, list)).status).toBe(200);
    } finally {
      await local.close();
    }
  });

  it('pages the directory: organizations and users with role assignments', async () => {
    const orgs = await v3Json<{ items: Record<string, unknown>[]; total: number }>(
      api,
      '/v3/enterprise/organizations?first=1',
    );
    expect(orgs.total).toBe(2);
    expect(Object.keys(orgs.items[0] ?? {}).sort()).toEqual([
      'created_at',
      'max_cycle_acu_limit',
      'max_session_acu_limit',
      'name',
      'org_id',
      'updated_at',
    ]);
    const users = await v3Json<{ items: Record<string, unknown>[]; total: number }>(
      api,
      '/v3/enterprise/members/users?first=200',
    );
    expect(users.total).toBe(dataset.members.length);
    const first = users.items[0] as { email: string; role_assignments: unknown[] };
    expect(first.role_assignments.length).toBeGreaterThanOrEqual(2);
    const byEmail = await v3Json<{ items: unknown[] }>(
      api,
      `/v3/enterprise/members/users?email=${encodeURIComponent(first.email)}`,
    );
    expect(byEmail.items).toEqual([first]);
  });
});
