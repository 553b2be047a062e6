// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSession } from '../../tests/fixtures/rows';
import { type ActionAnswers, makeEnv, type TestEnv } from '../../tests/fixtures/session-browser';
import type { Session } from '../../utils/api/schemas';
import { DevinDatabase } from '../../utils/db/schema';
import { SessionsEnvContext } from './env';
import { FIRST_PROMPT_PREVIEW_CHARS, FirstPrompt } from './first-prompt';

afterEach(cleanup);

const bare = makeSession({ session_id: 'devin-bare', initial_user_message: null });

function mount(
  session: Session,
  answers: ActionAnswers = {},
): { env: TestEnv; rerender: (shown: Session) => void } {
  const env = makeEnv(new DevinDatabase(`unused-${Math.random()}`), true, answers);
  const tree = (shown: Session) => (
    <SessionsEnvContext.Provider value={env}>
      <FirstPrompt session={shown} />
    </SessionsEnvContext.Provider>
  );
  const view = render(tree(session));
  return { env, rerender: (shown) => view.rerender(tree(shown)) };
}

describe('FirstPrompt', () => {
  it('shows the message the session carries, asking nothing', () => {
    const { env } = mount(makeSession({ initial_user_message: 'Fix the login loop.' }));
    expect(screen.getByText('Fix the login loop.')).toBeTruthy();
    expect(env.calls.loadFirstPrompt).toEqual([]);
  });

  it('asks the background once for a session without it, and shows the answer as text', async () => {
    const text = '<b>Upgrade</b> the lint rules';
    const { env, rerender } = mount(bare, {
      loadFirstPrompt: async () => ({ ok: true, text, truncated: false }),
    });
    expect(screen.getByText('Loading the first message…')).toBeTruthy();
    expect(await screen.findByText(text)).toBeTruthy();
    expect(document.querySelector('b')).toBeNull();
    rerender({ ...bare, title: 'Renamed' });
    expect(env.calls.loadFirstPrompt).toEqual(['devin-bare']);
  });

  it('shows the beginning of a long message until "Show all" is pressed', async () => {
    const text = `${'a'.repeat(FIRST_PROMPT_PREVIEW_CHARS)}TAIL`;
    mount(bare, { loadFirstPrompt: async () => ({ ok: true, text, truncated: false }) });
    const toggle = await screen.findByRole('button', { name: /Show all/ });
    const message = document.querySelector('pre.message');
    expect(message?.textContent).toBe(`${'a'.repeat(FIRST_PROMPT_PREVIEW_CHARS)}…`);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(message?.textContent).toBe(text);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.textContent).toBe('Show less');
  });

  it('says when there is no first message, or why it could not be read', async () => {
    mount(bare);
    expect(await screen.findByText('No first message recorded.')).toBeTruthy();
    cleanup();
    mount(bare, {
      loadFirstPrompt: async () => ({ ok: false, message: 'This service user lacks X.' }),
    });
    expect(await screen.findByText('This service user lacks X.')).toBeTruthy();
  });
});
