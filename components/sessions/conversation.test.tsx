// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSession, TEST_NOW } from '../../tests/fixtures/rows';
import { type ActionAnswers, makeEnv, type TestEnv } from '../../tests/fixtures/session-browser';
import type {
  Conversation as ConversationData,
  ConversationResult,
} from '../../utils/actions/types';
import type { Session } from '../../utils/api/schemas';
import { ANALYSIS_TEXT_PREVIEW_CHARS } from '../../utils/db/long-texts';
import { DevinDatabase } from '../../utils/db/schema';
import { CONVERSATION_PREVIEW_MESSAGES, Conversation } from './conversation';
import { SessionsEnvContext } from './env';

afterEach(cleanup);

const v3 = makeSession({ session_id: 'devin-v3', num_user_messages: 2, num_devin_messages: 1 });

function mount(
  session: Session,
  answers: ActionAnswers = {},
): { env: TestEnv; rerender: (shown: Session) => void } {
  const env = makeEnv(new DevinDatabase(`unused-${Math.random()}`), true, answers);
  const tree = (shown: Session) => (
    <SessionsEnvContext.Provider value={env}>
      <Conversation session={shown} now={TEST_NOW} />
    </SessionsEnvContext.Provider>
  );
  const view = render(tree(session));
  return { env, rerender: (shown) => view.rerender(tree(shown)) };
}

const at = (minutesAgo: number) => new Date(TEST_NOW - minutesAgo * 60_000).toISOString();

function conversation(
  messages: ConversationData['messages'],
  more: Partial<ConversationData> = {},
): ConversationData {
  return { messages, cut: false, stale: false, ...more };
}

const three = conversation([
  { source: 'user', message: '<b>Fix</b> the login loop', createdAt: at(50) },
  { source: 'devin', message: 'Looking into it.', createdAt: at(40) },
  { source: 'user', message: 'Thanks', createdAt: at(30) },
]);

describe('Conversation', () => {
  it('is not offered for a session synced over v2', () => {
    const { env } = mount(makeSession({ session_id: 'v2-session' }));
    expect(screen.queryByText('Conversation')).toBeNull();
    expect(env.calls.loadConversation).toEqual([]);
  });

  it('asks only the cache on opening, and fetches when "Show the conversation" is pressed', async () => {
    const { env } = mount(v3, {
      loadConversation: async (_id, mayFetch) => ({
        ok: true,
        conversation: mayFetch ? three : null,
      }),
    });
    expect(screen.getByRole('heading', { name: /Conversation/ }).textContent).toBe('Conversation3');
    expect(screen.getByText('3 messages between the user and Devin.')).toBeTruthy();
    const show = screen.getByRole('button', { name: 'Show the conversation' });
    await waitFor(() =>
      expect(env.calls.loadConversation).toEqual([{ sessionId: 'devin-v3', mayFetch: false }]),
    );

    fireEvent.click(show);
    const list = await screen.findByRole('list');
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('strong')?.textContent)).toEqual([
      'User',
      'Devin',
      'User',
    ]);
    // Text only: the markup arrives as characters, never as an element.
    expect(within(list).getByText('<b>Fix</b> the login loop')).toBeTruthy();
    expect(list.querySelector('b')).toBeNull();
    const time = items[0]?.querySelector('time');
    expect(time?.textContent).toBe('50m ago');
    expect(time?.getAttribute('title')).toMatch(/^Sent /);
    expect(env.calls.loadConversation.at(-1)).toEqual({ sessionId: 'devin-v3', mayFetch: true });
    // The pressed button is gone: focus moves to the messages, for keyboard users.
    await waitFor(() => expect(document.activeElement).toBe(list.closest('.conversation-section')));
  });

  it('shows a cached conversation at once, without being asked', async () => {
    mount(v3, { loadConversation: async () => ({ ok: true, conversation: three }) });
    expect(await screen.findByText('Looking into it.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show the conversation' })).toBeNull();
  });

  it('lists the first messages until "Show all" is pressed, and the beginning of long ones', async () => {
    const long = `${'a'.repeat(ANALYSIS_TEXT_PREVIEW_CHARS)}TAIL`;
    const many = conversation(
      Array.from({ length: 45 }, (_, i) => ({
        source: i % 2 ? 'devin' : 'user',
        message: i === 0 ? long : `message ${i}`,
        createdAt: at(100 - i),
      })),
    );
    mount(v3, { loadConversation: async () => ({ ok: true, conversation: many }) });
    const list = await screen.findByRole('list');
    expect(within(list).getAllByRole('listitem')).toHaveLength(CONVERSATION_PREVIEW_MESSAGES);
    expect(list.querySelector('pre')?.textContent).toBe(
      `${'a'.repeat(ANALYSIS_TEXT_PREVIEW_CHARS)}…`,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Show all 45 messages' }));
    expect(within(list).getAllByRole('listitem')).toHaveLength(45);
    expect(within(list).getByText('message 44')).toBeTruthy();
  });

  it('says why a conversation could not be loaded, and lets it be tried again', async () => {
    let calls = 0;
    mount(v3, {
      loadConversation: async (_id, mayFetch) => {
        if (!mayFetch) return { ok: true, conversation: null };
        calls++;
        return calls === 1
          ? { ok: false, message: 'This service user lacks ViewAccountSessions.' }
          : { ok: true, conversation: three };
      },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Show the conversation' }));
    expect(await screen.findByText('This service user lacks ViewAccountSessions.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Looking into it.')).toBeTruthy();
  });

  it('says when the conversation was cut, or has changed since it was loaded', async () => {
    const { env } = mount(v3, {
      loadConversation: async (_id, mayFetch) => ({
        ok: true,
        conversation: mayFetch ? three : { ...three, cut: true, stale: true },
      }),
    });
    expect(await screen.findByText(/Only the first 3 messages are kept/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Load the latest messages' }));
    await screen.findByText('Looking into it.');
    expect(screen.queryByText(/has changed since/)).toBeNull();
    expect(env.calls.loadConversation.at(-1)).toEqual({ sessionId: 'devin-v3', mayFetch: true });
  });

  it('never shows one session’s conversation in another opened meanwhile', async () => {
    let answer: (result: ConversationResult) => void = () => undefined;
    const other = conversation([
      { source: 'user', message: 'The other session', createdAt: at(5) },
    ]);
    const { rerender } = mount(v3, {
      loadConversation: (id, mayFetch) => {
        if (mayFetch) return new Promise((resolve) => (answer = resolve));
        return Promise.resolve({ ok: true, conversation: id === 'devin-other' ? other : null });
      },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Show the conversation' }));
    await screen.findByText('Loading the conversation…');
    rerender({ ...v3, session_id: 'devin-other' });
    await screen.findByText('The other session');
    answer({ ok: true, conversation: three });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByText('Looking into it.')).toBeNull();
    expect(screen.getByText('The other session')).toBeTruthy();
  });

  it('asks the cache again when the session moves on', async () => {
    const { env, rerender } = mount(v3);
    await waitFor(() => expect(env.calls.loadConversation).toHaveLength(1));
    rerender({ ...v3, title: 'Renamed' });
    rerender({ ...v3, updated_at: at(1) });
    await waitFor(() =>
      expect(env.calls.loadConversation).toEqual([
        { sessionId: 'devin-v3', mayFetch: false },
        { sessionId: 'devin-v3', mayFetch: false },
      ]),
    );
  });
});
