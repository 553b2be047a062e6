// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { putSessions } from '../../tests/fixtures/db';
import type { Session } from '../../utils/api';
import { db } from '../../utils/db/database';
import { clearCache } from '../../utils/db/writes';
import { sendMessage } from '../../utils/messaging';
import { DEFAULT_API_BASE_URL, DEFAULT_SETTINGS, settingsItem } from '../../utils/settings/items';
import { saveConnection } from '../../utils/settings/key-storage';
import { OptionsApp } from './options-app';

vi.mock('../../utils/messaging', () => ({ sendMessage: vi.fn(), onMessage: vi.fn() }));

const send = vi.mocked(sendMessage) as unknown as ReturnType<typeof vi.fn>;

function session(id: string): Session {
  return {
    session_id: id,
    url: `https://app.devin.ai/sessions/${id}`,
    status: 'exit',
    tags: [],
    org_id: 'org-a',
    created_at: '2026-03-01T10:00:00.000Z',
    updated_at: '2026-03-01T11:00:00.000Z',
    acus_consumed: 1,
    pull_requests: [],
    session_analysis: null,
    initial_user_message: 'Do it',
    title: id,
    user_id: 'user-1',
  };
}

beforeEach(async () => {
  fakeBrowser.reset();
  send.mockReset();
  await clearCache(db);
  await db.meta.clear();
});

afterEach(cleanup);

describe('OptionsApp', () => {
  it('guides a new install and keeps Sync now off until it is configured', async () => {
    render(<OptionsApp />);
    expect(await screen.findByRole('heading', { name: 'Get started' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Connection' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Organizations' })).toBeTruthy();
    const syncNow = screen.getByRole('button', { name: 'Sync now' }) as HTMLButtonElement;
    expect(syncNow.disabled).toBe(true);
    expect(await screen.findByText('Not synced yet.')).toBeTruthy();
    expect(screen.getByText(/None yet\. Test the connection above/)).toBeTruthy();
  });

  it('shows values set by policy as locked', async () => {
    await fakeBrowser.storage.managed.set({
      apiBaseUrl: 'https://devin.corp.example',
      orgIds: ['org-policy'],
      syncIntervalMinutes: 60,
    });
    render(<OptionsApp />);
    const base = (await screen.findByLabelText('API base URL')) as HTMLInputElement;
    expect(base.disabled).toBe(true);
    expect(base.value).toBe('https://devin.corp.example');
    const interval = screen.getByLabelText('Sync every (minutes)') as HTMLInputElement;
    expect(interval.disabled).toBe(true);
    expect(interval.value).toBe('60');
    const org = screen.getByRole('checkbox', { name: /org-policy/ }) as HTMLInputElement;
    expect(org.checked).toBe(true);
    expect(org.closest('fieldset')?.disabled).toBe(true);
    expect(screen.queryByLabelText('Add organizations by id')).toBeNull();
    expect(screen.getAllByText(/Set by your organization's policy/)).toHaveLength(3);
  });

  it('shows sync progress live from the database', async () => {
    await saveConnection('apk_user_abc', DEFAULT_API_BASE_URL);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, orgIds: ['org-a'] });
    await db.organizations.put({ org_id: 'org-a', org_name: 'Platform' });
    render(<OptionsApp />);
    await screen.findByText('Not synced yet.');

    await db.meta.put({ key: 'syncLease', value: { holder: 'w', expiresAt: Date.now() + 60_000 } });
    await db.syncState.put({
      org_id: 'org-a',
      pass: {
        kind: 'backfill',
        startedAt: Date.now(),
        nextSkip: 400,
        updatedFrom: null,
        createdFrom: null,
        pagesDone: 2,
        sessionsDone: 400,
        total: 1234,
      },
      watermark: null,
      lastSuccessAt: null,
      lastError: null,
      skipped: [{ sessionId: 'bad-1', reason: 'created_at: is not a date-time' }],
      skippedCount: 1,
    });
    expect(await screen.findByText(/Downloading history: 400 of 1,234 sessions/)).toBeTruthy();
    const bar = screen.getByRole('progressbar', { name: 'Sync progress of Platform' });
    expect(bar.getAttribute('value')).toBe('400');
    expect(screen.getByText('Syncing…').getAttribute('role')).toBe('status');
    expect((screen.getByRole('button', { name: 'Sync now' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect(screen.getByText(/1 record left out/)).toBeTruthy();
    expect(screen.getByText(/is not a date-time/)).toBeTruthy();

    await db.meta.delete('syncLease');
    await db.meta.put({
      key: 'syncStatus',
      value: {
        lastStartedAt: 1,
        lastFinishedAt: 2,
        lastSuccessAt: null,
        lastError: { kind: 'unauthorized', message: 'The API key was refused.', at: 2 },
        pausedReason: null,
      },
    });
    const problem = await screen.findByText(/The last sync failed: The API key was refused\./);
    expect(problem.closest('[role="alert"]')).not.toBeNull();
  });

  it('runs Sync now through the background and reports the outcome', async () => {
    await saveConnection('apk_user_abc', DEFAULT_API_BASE_URL);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, orgIds: ['org-a'] });
    await putSessions(db, [session('s1'), session('s2')]);
    send.mockResolvedValue('done');
    render(<OptionsApp />);
    const syncNow = await screen.findByRole('button', { name: 'Sync now' });
    await waitFor(() => expect((syncNow as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(syncNow);
    expect(await screen.findByText('Sync finished. 2 sessions cached.')).toBeTruthy();
    expect(send).toHaveBeenCalledWith('syncNow');
  });

  it('clears the cache only after the confirm step', async () => {
    await putSessions(db, [session('s1'), session('s2'), session('s3')]);
    send.mockResolvedValue(undefined);
    render(<OptionsApp />);
    const clear = await screen.findByRole('button', { name: 'Clear cache…' });
    await waitFor(() => expect((clear as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(clear);
    expect(screen.getByText(/Delete the 3 cached sessions from this browser\?/)).toBeTruthy();
    expect(send).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(send).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Clear cache…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete cached sessions' }));
    expect(await screen.findByText(/The cache was cleared/)).toBeTruthy();
    expect(send).toHaveBeenCalledWith('clearCache');
  });

  it('asks before a full re-sync, saying how many cached sessions it forgets', async () => {
    await putSessions(db, [session('s1'), session('s2')]);
    send.mockResolvedValue('done');
    render(<OptionsApp />);
    const resync = await screen.findByRole('button', { name: 'Full re-sync…' });
    await waitFor(() => expect((resync as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(resync);
    expect(
      screen.getByText(/Forget the 2 cached sessions and download them all again\?/),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(send).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Full re-sync…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Re-download 2 sessions' }));
    await waitFor(() => expect(send).toHaveBeenCalledWith('fullResync'));
  });
});
