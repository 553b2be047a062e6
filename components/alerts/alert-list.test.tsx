// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { makeDatabase, makeEnv } from '../../tests/fixtures/session-browser';
import type { AlertAction } from '../../utils/alerts/store';
import type { AlertRow, AlertTarget } from '../../utils/alerts/types';
import { SessionsEnvContext } from '../sessions/env';
import { AlertList } from './alert-list';

afterEach(cleanup);

function alert(id: string, title: string, target: AlertTarget, raisedAt: number): AlertRow {
  return {
    id,
    kind: 'error',
    target,
    title,
    detail: `${title} detail`,
    state: 'active',
    raisedAt,
    snoozedUntil: null,
  };
}

async function mount(rows: AlertRow[], act: (id: string, action: AlertAction) => Promise<unknown>) {
  const db = await makeDatabase([]);
  await db.alerts.bulkPut(rows);
  const opened: AlertTarget[] = [];
  render(
    <SessionsEnvContext.Provider value={makeEnv(db)}>
      <AlertList variant="banner" onOpen={(target) => opened.push(target)} act={act} />
    </SessionsEnvContext.Provider>,
  );
  return { db, opened };
}

describe('AlertList', () => {
  it('lists active alerts newest first, opens their target, and asks to dismiss or snooze', async () => {
    const asked: string[] = [];
    const session: AlertTarget = { type: 'session', sessionId: 's1', orgId: 'o' };
    const org: AlertTarget = { type: 'organization', orgId: 'o' };
    const { opened } = await mount(
      [
        alert('error:s1', 'Ended in error: Fix the build', session, 1),
        alert('org_budget:o:2025-05-01', 'Platform used 90% of its ACU limit', org, 2),
        { ...alert('error:s2', 'Dismissed one', session, 3), state: 'dismissed' },
      ],
      async (id, action) => void asked.push(`${action} ${id}`),
    );
    expect(await screen.findByText('2 alerts need you')).toBeTruthy();
    const titles = screen
      .getAllByRole('listitem')
      .map((item) => item.querySelector('.alert-open')?.textContent);
    expect(titles).toEqual(['Platform used 90% of its ACU limit', 'Ended in error: Fix the build']);

    fireEvent.click(screen.getByRole('button', { name: 'Ended in error: Fix the build' }));
    fireEvent.click(screen.getByRole('button', { name: 'Platform used 90% of its ACU limit' }));
    expect(opened).toEqual([session, org]);

    fireEvent.click(screen.getByRole('button', { name: 'Dismiss: Ended in error: Fix the build' }));
    fireEvent.click(
      screen.getByRole('button', {
        name: 'Snooze 4 h: Platform used 90% of its ACU limit',
      }),
    );
    expect(asked).toEqual(['dismiss error:s1', 'snooze org_budget:o:2025-05-01']);
  });

  it('lists the newest three of many, counts them all, and lists every one on "Show all"', async () => {
    const org: AlertTarget = { type: 'organization', orgId: 'o' };
    // Raised in a shuffled order: the newest are found wherever they are stored.
    const raised = [5, 1, 8, 3, 7, 2, 6, 4];
    await mount(
      raised.map((at) => alert(`org_budget:o:${at}`, `Alert ${at}`, org, at)),
      async () => {},
    );
    expect(await screen.findByText('8 alerts need you')).toBeTruthy();
    const titles = () =>
      screen.getAllByRole('listitem').map((item) => item.querySelector('.alert-open')?.textContent);
    expect(titles()).toEqual(['Alert 8', 'Alert 7', 'Alert 6']);

    fireEvent.click(screen.getByRole('button', { name: 'Show all 8 alerts' }));
    await waitFor(() => expect(titles()).toHaveLength(8));
    expect(titles()).toEqual([8, 7, 6, 5, 4, 3, 2, 1].map((at) => `Alert ${at}`));
  });

  it('says what to do when the extension does not answer', async () => {
    await mount(
      [alert('error:s1', 'Ended in error: Fix the build', { type: 'organization', orgId: 'o' }, 1)],
      () => Promise.reject(new Error('Could not establish connection')),
    );
    fireEvent.click(
      await screen.findByRole('button', { name: 'Dismiss: Ended in error: Fix the build' }),
    );
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Reload this page and try again',
    );
  });

  it('follows the database: once the background dismisses the last alert, it is gone', async () => {
    const { db } = await mount(
      [alert('error:s1', 'Ended in error: Fix the build', { type: 'organization', orgId: 'o' }, 1)],
      async () => undefined,
    );
    expect(await screen.findByText('1 alert needs you')).toBeTruthy();
    await db.alerts.update('error:s1', { state: 'dismissed' });
    await waitFor(() => expect(screen.queryByText(/needs? you/)).toBeNull());
  });
});
