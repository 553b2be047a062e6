// The v3 calls that change a session, against a running server: generate insights then poll,
// and terminate (exit, updated_at, archive, request log), seen from v3 and v2.

import { afterEach, describe, expect, it } from 'vitest';
import { FIXED_NOW } from '../../tests/fixtures/mock-api';
import type { V3Session } from '../../tests/fixtures/mock-api-v3';
import { expectProblem, v3Fetch, v3Json } from '../../tests/fixtures/mock-api-v3';
import { generateDataset } from '../data';
import type { MockApi, MockApiOptions } from '../server';
import { startMockApi } from '../server';
import type { SessionDetailResponse } from '../types';

const dataset = generateDataset({ sessions: 120, orgs: 2, seed: 13, now: FIXED_NOW });
const nowMs = Date.parse(FIXED_NOW);
const list = '/v3/enterprise/sessions/insights';
const opened: MockApi[] = [];

async function start(options: MockApiOptions = {}): Promise<MockApi> {
  const api = await startMockApi({ dataset, clock: () => nowMs + 60_000, ...options });
  opened.push(api);
  return api;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((api) => api.close()));
});

async function v2Session(api: MockApi, id: string): Promise<SessionDetailResponse> {
  const res = await fetch(`${api.baseUrl}/v2/enterprise/sessions/${id}`, {
    headers: { authorization: `Bearer ${api.apiKey}` },
  });
  return (await res.json()) as SessionDetailResponse;
}

describe('generating insights', () => {
  it('starts an analysis that appears after the delay, then says already_exists', async () => {
    const api = await start({ analysisDelayMs: 40 });
    const target = dataset.sessions.find((s) => s.session_analysis === null && s.status === 'exit');
    const analysed = dataset.sessions.find((s) => s.session_analysis !== null);
    if (!target || !analysed) throw new Error('fixture');
    const id = `devin-${target.session_id}`;
    const path = `/v3/enterprise/sessions/${id}/insights`;
    const before = await v3Json<V3Session>(api, path);
    expect(before.analysis).toBeNull();

    const started = await v3Json(api, `${path}/generate`, 'POST');
    expect(started).toEqual({ session_id: id, status: 'started' });
    expect(await v3Json(api, `${path}/generate`, 'POST')).toEqual({
      session_id: id,
      status: 'already_exists',
    });

    let after = before;
    for (let i = 0; i < 50 && after.analysis === null; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      after = await v3Json<V3Session>(api, path);
    }
    expect(after.analysis?.classification.category).toEqual(expect.any(String));
    expect(after.updated_at).toBeGreaterThan(before.updated_at);
    const listed = await v3Json(api, `${list}?updated_after=${after.updated_at}`);
    expect(listed.items.map((s) => s.session_id)).toContain(id);
    expect((await v2Session(api, target.session_id)).session_analysis).not.toBeNull();

    const done = `/v3/enterprise/sessions/devin-${analysed.session_id}/insights/generate`;
    expect((await v3Json<{ status: string }>(api, done, 'POST')).status).toBe('already_exists');
    const unknown = '/v3/enterprise/sessions/devin-nope/insights/generate';
    await expectProblem(await v3Fetch(api, unknown, { method: 'POST' }), 404);
  });
});

describe('terminating a session', () => {
  it('sets exit, moves updated_at, archives when asked and logs the DELETE', async () => {
    let now = nowMs + 60_000;
    const api = await start({ clock: () => now });
    const target = dataset.sessions.find((s) => s.status === 'running');
    if (!target) throw new Error('fixture');
    const id = `devin-${target.session_id}`;
    const path = `/v3/organizations/${target.org_id}/sessions/${id}`;
    now += 5_000;

    const ended = await v3Json<V3Session>(api, `${path}?archive=true`, 'DELETE');
    expect(ended).toMatchObject({ session_id: id, status: 'exit', is_archived: true });
    expect(ended.updated_at).toBe(Math.floor(now / 1000));
    const seen = await v3Json<V3Session>(api, `/v3/enterprise/sessions/${id}/insights`);
    expect(seen).toEqual(ended);
    const archived = await v3Json(api, `${list}?is_archived=true&first=200`);
    expect(archived.items.map((s) => s.session_id)).toContain(id);
    expect((await v2Session(api, target.session_id)).status).toBe('exit');
    expect(api.requestLog.recent.some((r) => r.method === 'DELETE' && r.path === path)).toBe(true);

    const other = dataset.sessions.find(
      (s) => s.status === 'suspended' && s.org_id === target.org_id,
    );
    if (!other) throw new Error('fixture');
    const kept = await v3Json<V3Session>(
      api,
      `/v3/organizations/${other.org_id}/sessions/devin-${other.session_id}`,
      'DELETE',
    );
    expect(kept.status).toBe('exit');
    expect(kept.is_archived).toBe(false);
  });

  it('answers 404 problems for an unknown org, an unknown session or one of another org', async () => {
    const api = await start();
    const target = dataset.sessions[0] as SessionDetailResponse;
    const otherOrg = api.orgIds.find((o) => o !== target.org_id);
    const del = (path: string) => v3Fetch(api, path, { method: 'DELETE' });
    await expectProblem(
      await del(`/v3/organizations/org-nope/sessions/devin-${target.session_id}`),
      404,
    );
    await expectProblem(await del(`/v3/organizations/${target.org_id}/sessions/devin-nope`), 404);
    await expectProblem(
      await del(`/v3/organizations/${otherOrg}/sessions/devin-${target.session_id}`),
      404,
    );
    const bad = `/v3/organizations/${target.org_id}/sessions/devin-${target.session_id}?archive=perhaps`;
    await expectProblem(await del(bad), 422);
  });
});
