/** A v3 session's conversation: fetched when asked for, bounded, then read from the cache. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type MockApi, startMockApi } from '../../mock-api/server';
import { backgroundFor, serverSession } from '../../tests/fixtures/actions';
import { createClient } from '../api';
import { readAllSessions } from '../db/reads';
import { DevinDatabase } from '../db/schema';
import { clearCache } from '../db/writes';
import { CONVERSATION_MAX_BYTES, loadConversation } from './conversation';
import { conversationNeedsV3 } from './messages';

let api: MockApi;
/** The store id of a session with more messages than one page (200) holds. */
let longId: string;
beforeAll(async () => {
  api = await startMockApi({ sessions: 30, orgs: 1, seed: 'conversation' });
  longId = api.store.all()[0]?.session.session_id as string;
  // Many ACUs make many messages (see mock-api/v3/traits.ts): more than one page of them.
  api.store.patchSession(longId, { status: 'exit', acus_consumed: 400 });
});
afterAll(() => api.close());
beforeEach(() => {
  fakeBrowser.reset();
  api.requestLog.reset();
});

const messagesPath = (id: string) => `/v3/enterprise/sessions/${id}/messages`;
const v3Id = (storeId: string) => `devin-${storeId}`;

async function syncedV3() {
  const background = backgroundFor(api, api.v3Token);
  expect(await background.sync.syncNow('manual')).toBe('done');
  api.requestLog.reset();
  return background;
}

describe('loading a conversation', () => {
  it('fetches every page once asked, oldest first, and answers from the cache after', async () => {
    const { db, actions } = await syncedV3();
    const id = v3Id(longId);
    const cached = (await readAllSessions(db)).find((s) => s.session_id === id);
    const total = (cached?.num_user_messages ?? 0) + (cached?.num_devin_messages ?? 0);
    expect(total).toBeGreaterThan(200);

    // Opening the session asks the cache only: nothing is fetched unasked.
    expect(await actions.loadConversation(id, false)).toEqual({ ok: true, conversation: null });
    expect(api.requestLog.total).toBe(0);

    const answer = await actions.loadConversation(id, true);
    if (!answer.ok || !answer.conversation) throw new Error(JSON.stringify(answer));
    const { messages } = answer.conversation;
    expect(answer.conversation).toMatchObject({ cut: false, stale: false });
    expect(messages).toHaveLength(total);
    expect(messages[0]).toMatchObject({
      source: 'user',
      message: serverSession(api, id).initial_user_message,
    });
    expect(messages.filter((m) => m.source === 'user')).toHaveLength(
      cached?.num_user_messages ?? 0,
    );
    const times = messages.map((m) => Date.parse(m.createdAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(api.requestLog.count(messagesPath(id))).toBe(2);

    // Asked again, with or without leave to fetch: the cache answers, no request.
    expect(await actions.loadConversation(id, true)).toEqual(answer);
    expect(await actions.loadConversation(id, false)).toEqual(answer);
    expect(api.requestLog.total).toBe(2);

    // Kept with the cache: clearing the cache forgets it too.
    await clearCache(db);
    expect(await db.conversations.count()).toBe(0);
    expect(await db.conversationMessages.count()).toBe(0);
  });

  it('fetches again once the session has moved on, showing the older copy as such meanwhile', async () => {
    const { db, sync, actions } = await syncedV3();
    const storeId = api.store.all()[1]?.session.session_id as string;
    const id = v3Id(storeId);
    const before = await actions.loadConversation(id, true);
    expect(before).toMatchObject({ ok: true, conversation: { stale: false } });

    api.store.patchSession(storeId, { title: 'Moved on' });
    expect(await sync.syncNow('manual')).toBe('done');
    api.requestLog.reset();
    const old = await actions.loadConversation(id, false);
    expect(old).toMatchObject({ ok: true, conversation: { stale: true } });
    expect(api.requestLog.total).toBe(0);

    expect(await actions.loadConversation(id, true)).toMatchObject({
      ok: true,
      conversation: { stale: false },
    });
    expect(api.requestLog.count(messagesPath(id))).toBeGreaterThan(0);
    expect(await actions.loadConversation(id, false)).toMatchObject({
      conversation: { stale: false },
    });
    expect(await db.conversations.count()).toBe(1);
  });

  it('keeps at most the bound of messages, and says the conversation was cut', async () => {
    const client = createClient({ baseUrl: api.baseUrl, apiKey: api.v3Token });
    const id = v3Id(longId);
    const answer = await loadConversation({
      db: new DevinDatabase(`conversation-${Math.random()}`),
      client,
      identity: 'unused',
      sessionId: id,
      mayFetch: true,
      limits: { messages: 30, bytes: CONVERSATION_MAX_BYTES },
    });
    expect(answer).toMatchObject({ ok: true, conversation: { cut: true } });
    expect(answer.ok && answer.conversation?.messages).toHaveLength(30);
    expect(api.requestLog.count(messagesPath(id))).toBe(1);
    expect(api.requestLog.recent[0]?.url).toMatch(/[?&]first=30(&|$)/);
  });

  it('keeps at most the byte budget: a huge message shows its beginning, marked as cut', async () => {
    const storeId = api.store.all()[2]?.session.session_id as string;
    // 3 bytes a character in UTF-8: 3 MB, more than the 2 MB a conversation may hold.
    api.store.patchSession(storeId, { initial_user_message: '€'.repeat(1_000_000) });
    const { actions } = await syncedV3();
    const answer = await actions.loadConversation(v3Id(storeId), true);
    if (!answer.ok || !answer.conversation) throw new Error(JSON.stringify(answer));
    expect(answer.conversation.cut).toBe(true);
    const [first] = answer.conversation.messages;
    expect(answer.conversation.messages).toHaveLength(1);
    expect(first?.message).toMatch(/^€+… \[cut: the conversation is longer/);
    expect(new TextEncoder().encode(first?.message).length).toBeLessThanOrEqual(
      CONVERSATION_MAX_BYTES,
    );
  });

  it('keeps nothing in a cache that is not this key’s', async () => {
    const { db, actions } = backgroundFor(api, api.v3Token);
    const answer = await actions.loadConversation(v3Id(longId), true);
    expect(answer).toMatchObject({ ok: true, conversation: { cut: false } });
    expect(await db.conversations.count()).toBe(0);
  });

  it('says in words when the key may not read messages, or is a v2 key', async () => {
    const limited = backgroundFor(api, api.v3LimitedToken as string).actions;
    expect(await limited.loadConversation(v3Id(longId), true)).toEqual({
      ok: false,
      message: expect.stringMatching(/lacks ViewAccountSessions/),
    });
    api.requestLog.reset();
    const v2 = backgroundFor(api, api.apiKey).actions;
    expect(await v2.loadConversation(longId, true)).toEqual({
      ok: false,
      message: conversationNeedsV3(),
    });
    expect(api.requestLog.total).toBe(0);
  });
});
