// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { makeAnalysis, makeSession } from '../../tests/fixtures/rows';
import { type ActionAnswers, makeEnv, type TestEnv } from '../../tests/fixtures/session-browser';
import type { ActionResult } from '../../utils/actions/types';
import type { Session } from '../../utils/api/schemas';
import { DevinDatabase } from '../../utils/db/schema';
import { SessionsEnvContext } from './env';
import { GenerateAnalysis } from './generate-analysis';

afterEach(cleanup);

const bare = makeSession({ session_id: 'devin-bare', session_analysis: null });

function mount(answers: ActionAnswers, session: Session = bare): TestEnv {
  const env = makeEnv(new DevinDatabase(`unused-${Math.random()}`), true, answers);
  render(
    <SessionsEnvContext.Provider value={env}>
      <GenerateAnalysis session={session} />
    </SessionsEnvContext.Provider>,
  );
  return env;
}

function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('GenerateAnalysis', () => {
  it('offers the button, says it is busy while Devin works, then that it is done', async () => {
    const answer = deferred<ActionResult>();
    const env = mount({ generateAnalysis: () => answer.promise });
    const button = await screen.findByRole('button', { name: 'Generate analysis' });
    fireEvent.click(button);
    expect(await screen.findByText('Generating… this takes a minute.')).toBeTruthy();
    expect(button.getAttribute('aria-disabled')).toBe('true');
    // A second press while busy asks nothing more.
    fireEvent.click(button);
    expect(env.calls.generateAnalysis).toEqual(['devin-bare']);
    answer.resolve({ ok: true });
    expect(await screen.findByText(/Analysis generated/)).toBeTruthy();
  });

  it('shows the explanation instead of the button when the key cannot have one made', async () => {
    const message = 'Generating analysis needs a Devin API v3 service-user token.';
    const env = mount({ analysisOffer: async () => ({ state: 'unavailable', message }) });
    expect(await screen.findByText(message)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
    expect(env.calls.generateAnalysis).toEqual([]);
  });

  it('replaces the button by the refusal after a 403, as text', async () => {
    const refusal = '<img src=x onerror=alert(1)> This service user lacks ManageAccountSessions.';
    let refused = false;
    mount({
      analysisOffer: async () =>
        refused ? { state: 'unavailable', message: refusal } : { state: 'offer' },
      generateAnalysis: async () => {
        refused = true;
        return { ok: false, message: refusal };
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Generate analysis' }));
    expect(await screen.findByText(refusal)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
  });

  it('keeps the button after a failure that may pass, with the reason', async () => {
    mount({
      generateAnalysis: async () => ({ ok: false, message: 'Devin could not be reached.' }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Generate analysis' }));
    expect(await screen.findByText('Devin could not be reached.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Generate analysis' })).toBeTruthy();
  });

  it('joins an analysis already under way when the session is opened again', async () => {
    const env = mount({
      analysisOffer: async () => ({ state: 'busy' }),
      generateAnalysis: () => new Promise(() => {}),
    });
    expect(await screen.findByText('Generating… this takes a minute.')).toBeTruthy();
    expect(env.calls.generateAnalysis).toEqual(['devin-bare']);
  });

  it('offers nothing for a session that has its analysis', async () => {
    const env = mount({}, makeSession({ session_analysis: makeAnalysis() }));
    await waitFor(() => expect(document.body.textContent).toBe(''));
    expect(env.calls.analysisOffer).toEqual([]);
  });
});
