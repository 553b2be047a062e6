/// <reference types="chrome" />
/**
 * The built extension in Chromium with a v3 token against the local API: a v3 session's
 * Conversation section fetches its messages only when "Show the conversation" is pressed, lists
 * them oldest first as the server has them, and shows them again from the cache, with no
 * request, when the session is opened again.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type MockApi, startMockApi } from '../../mock-api/server';
import { type ExtensionBrowser, launchWithExtension } from './chromium';
import {
  configure,
  countSessions,
  extensionPage,
  readCachedSessions,
  waitUntil,
} from './extension';

const WAIT = 20_000;

let api: MockApi;
let browser: ExtensionBrowser;
beforeAll(async () => {
  api = await startMockApi({ sessions: 40, orgs: 1, seed: 'conversation-e2e' });
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

interface CachedV3Session {
  session_id: string;
  updated_at: string;
  num_user_messages: number | null;
  num_devin_messages: number | null;
}

interface ServedMessage {
  source: string;
  message: string;
}

/** Every message the local server has for a session, oldest first, read over plain HTTP. */
async function servedMessages(sessionId: string): Promise<ServedMessage[]> {
  const messages: ServedMessage[] = [];
  let after: string | null = null;
  do {
    const url = new URL(`/v3/enterprise/sessions/${sessionId}/messages`, api.baseUrl);
    url.searchParams.set('first', '200');
    if (after) url.searchParams.set('after', after);
    const response = await fetch(url, { headers: { Authorization: `Bearer ${api.v3Token}` } });
    const page = (await response.json()) as {
      items: ServedMessage[];
      has_next_page: boolean;
      end_cursor: string | null;
    };
    messages.push(...page.items);
    after = page.has_next_page ? page.end_cursor : null;
  } while (after);
  return messages;
}

const total = (s: CachedV3Session) => (s.num_user_messages ?? 0) + (s.num_devin_messages ?? 0);

it('fetches a conversation when asked, in order, and shows it from the cache after', async () => {
  const setup = await extensionPage(browser);
  await configure(setup, { apiKey: api.v3Token, apiBaseUrl: api.baseUrl, orgIds: api.orgIds });
  await waitUntil('the first sync', async () => (await countSessions(setup)) === 40, 60_000);

  // More than the 20 messages listed at first, each short enough to be shown whole.
  let chosen: { id: string; messages: ServedMessage[] } | null = null;
  for (const session of await readCachedSessions<CachedV3Session>(setup)) {
    if (total(session) <= 20 || total(session) > 200) continue;
    const messages = await servedMessages(session.session_id);
    if (messages.every((m) => m.message.length <= 600)) {
      chosen = { id: session.session_id, messages };
      break;
    }
  }
  if (!chosen) throw new Error('fixture: no session with 21 to 200 short messages');
  const { id, messages } = chosen;
  const messagesPath = `/v3/enterprise/sessions/${id}/messages`;
  // The first message's own look-up asks for one message (first=1): it is not the conversation.
  const conversationFetches = () =>
    api.requestLog.recent.filter((r) => r.path === messagesPath && !/[?&]first=1(&|$)/.test(r.url))
      .length;
  api.requestLog.reset();

  const url = `sessions.html?session=${encodeURIComponent(id)}`;
  const page = await extensionPage(browser, url);
  const section = page.locator('#section-conversation').locator('..');
  await section.getByText(`${messages.length} messages between the user and Devin.`).waitFor({
    timeout: WAIT,
  });
  // Opening the session fetched nothing: the conversation is fetched on demand only.
  expect(conversationFetches()).toBe(0);

  await section.getByRole('button', { name: 'Show the conversation', exact: true }).click();
  await section.getByRole('button', { name: `Show all ${messages.length} messages` }).click();
  const items = section.locator('.conversation-message');
  await expect.poll(() => items.count(), { timeout: WAIT }).toBe(messages.length);
  const shown = await items.evaluateAll((list) =>
    list.map((item) => ({
      who: item.querySelector('strong')?.textContent,
      text: item.querySelector('pre')?.textContent,
    })),
  );
  expect(shown).toEqual(
    messages.map((m) => ({ who: m.source === 'user' ? 'User' : 'Devin', text: m.message })),
  );
  const fetched = conversationFetches();
  expect(fetched).toBeGreaterThan(0);

  // Opened again: the cached conversation shows at once, and nothing is asked of the API.
  await page.goto(`chrome-extension://${browser.extensionId}/${url}`);
  await expect.poll(() => items.count(), { timeout: WAIT }).toBe(20);
  expect(await section.getByRole('button', { name: 'Show the conversation' }).count()).toBe(0);
  expect(conversationFetches()).toBe(fetched);
  await page.close();
  await setup.close();
});
