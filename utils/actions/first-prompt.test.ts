/** A session's first message over v3: fetched once from its messages, then from the cache. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type MockApi, startMockApi } from '../../mock-api/server';
import { backgroundFor, serverSession } from '../../tests/fixtures/actions';
import { readAllSessions } from '../db/reads';
import { clearCache } from '../db/writes';

let api: MockApi;
beforeAll(async () => {
  api = await startMockApi({ sessions: 40, orgs: 1, seed: 73 });
});
afterAll(() => api.close());
beforeEach(() => {
  fakeBrowser.reset();
  api.requestLog.reset();
});

const messagesPath = (id: string) => `/v3/enterprise/sessions/${id}/messages`;

describe('loading the first message', () => {
  it('asks for one message the first time, and answers from the cache after', async () => {
    const { db, sync, actions } = backgroundFor(api, api.v3Token);
    expect(await sync.syncNow('manual')).toBe('done');
    const bare = (await readAllSessions(db)).find((s) => s.initial_user_message === null);
    if (!bare) throw new Error('fixture: every session has its first message');
    const expected = serverSession(api, bare.session_id).initial_user_message;
    api.requestLog.reset();

    const first = await actions.loadFirstPrompt(bare.session_id);
    expect(first).toEqual({ ok: true, text: expected, truncated: false });
    expect(api.requestLog.count(messagesPath(bare.session_id))).toBe(1);
    expect(api.requestLog.recent[0]?.url).toMatch(/[?&]first=1(&|$)/);

    expect(await actions.loadFirstPrompt(bare.session_id)).toEqual(first);
    expect(api.requestLog.total).toBe(1);

    // Kept with the cache: clearing the cache forgets it too.
    expect(await db.firstPrompts.count()).toBe(1);
    await clearCache(db);
    expect(await db.firstPrompts.count()).toBe(0);
  });

  it('keeps nothing in a cache that is not this key’s', async () => {
    const { db, actions } = backgroundFor(api, api.v3Token);
    const id = `devin-${api.store.all()[0]?.session.session_id}`;
    const answer = await actions.loadFirstPrompt(id);
    expect(answer).toMatchObject({ ok: true, text: expect.any(String) });
    expect(await db.firstPrompts.count()).toBe(0);
  });

  it('says in words when the key may not read messages', async () => {
    const { actions } = backgroundFor(api, api.v3LimitedToken as string);
    const id = `devin-${api.store.all()[0]?.session.session_id}`;
    expect(await actions.loadFirstPrompt(id)).toEqual({
      ok: false,
      message: expect.stringMatching(/lacks ViewAccountSessions/),
    });
  });

  it('asks nothing with a v2 key, whose sessions carry their first message', async () => {
    const { actions } = backgroundFor(api, api.apiKey);
    const id = api.store.all()[0]?.session.session_id as string;
    expect(await actions.loadFirstPrompt(id)).toEqual({ ok: true, text: null, truncated: false });
    expect(api.requestLog.total).toBe(0);
  });
});
