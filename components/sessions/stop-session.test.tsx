// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { type ActionAnswers, makeDatabase, makeEnv } from '../../tests/fixtures/session-browser';
import { SessionsEnvContext } from './env';
import { StopSession } from './stop-session';

afterEach(cleanup);

async function mount(answers: ActionAnswers = {}, status = 'running') {
  const env = makeEnv(await makeDatabase([]), true, answers);
  render(
    <SessionsEnvContext.Provider value={env}>
      <StopSession sessionId="devin-1" name="Fix the flaky build" acus={12.5} status={status} />
    </SessionsEnvContext.Provider>,
  );
  return env;
}

describe('StopSession', () => {
  it('asks for confirmation naming the session and its ACUs before stopping it', async () => {
    const env = await mount();
    fireEvent.click(
      await screen.findByRole('button', { name: 'Stop session: Fix the flaky build' }),
    );
    const confirm = screen.getByRole('group', { name: 'Confirm stopping Fix the flaky build' });
    expect(confirm.textContent).toContain(
      'Stop “Fix the flaky build”? It has used 12.5 ACUs so far.',
    );
    expect(env.calls.stopSession).toEqual([]);
    // Focus goes to Cancel, the safe choice.
    expect(document.activeElement?.textContent).toBe('Cancel');

    fireEvent.click(screen.getByLabelText('Archive it too'));
    fireEvent.click(screen.getByRole('button', { name: 'Stop and archive' }));
    expect(await screen.findByText('Stopped and archived.')).toBeTruthy();
    expect(env.calls.stopSession).toEqual([{ sessionId: 'devin-1', archive: true }]);
  });

  it('cancels with Escape, and shows why a stop failed beside the button', async () => {
    await mount({
      stopSession: async () => ({
        ok: false,
        message: 'Devin refused: this token lacks ManageOrgSessions.',
      }),
    });
    fireEvent.click(
      await screen.findByRole('button', { name: 'Stop session: Fix the flaky build' }),
    );
    fireEvent.keyDown(screen.getByRole('button', { name: 'Cancel' }), { key: 'Escape' });
    expect(screen.queryByRole('group')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Stop session: Fix the flaky build' }));
    fireEvent.click(screen.getByRole('button', { name: 'Stop session' }));
    expect((await screen.findByRole('alert')).textContent).toContain('lacks ManageOrgSessions');
  });

  it('explains what is needed, when pressed, if the key or policy cannot stop', async () => {
    await mount({
      stopOffer: async () => ({
        state: 'unavailable',
        message: 'Stopping a session needs a v3 token.',
      }),
    });
    const button = await screen.findByRole('button', { name: 'Stop session: Fix the flaky build' });
    await waitFor(() => expect(button.getAttribute('aria-expanded')).toBe('false'));
    fireEvent.click(button);
    expect(screen.getByRole('status').textContent).toBe('Stopping a session needs a v3 token.');
    expect(screen.queryByRole('group')).toBeNull();
  });

  it('offers nothing for a session that has ended', async () => {
    const env = await mount({}, 'exit');
    // Long enough for an offer to have been asked and answered.
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(screen.queryByRole('button', { name: /Stop/ })).toBeNull();
    expect(env.calls.stopSession).toEqual([]);
  });
});
