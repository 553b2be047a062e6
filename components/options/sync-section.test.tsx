// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { putSessions } from '../../tests/fixtures/db';
import { storedConfig } from '../../tests/fixtures/options';
import { makeSession } from '../../tests/fixtures/rows';
import { db } from '../../utils/db/database';
import { clearCache } from '../../utils/db/writes';
import { DEFAULT_SETTINGS, settingsItem } from '../../utils/settings/items';
import { EMPTY_SYNC_STATUS } from '../../utils/sync/status';
import { SyncSection } from './sync-section';

vi.mock('../../utils/messaging', () => ({ sendMessage: vi.fn(), onMessage: vi.fn() }));

const VIEW = { loaded: true, states: [], status: EMPTY_SYNC_STATUS, lease: null };

beforeEach(async () => {
  fakeBrowser.reset();
  await clearCache(db);
});

afterEach(cleanup);

function setup() {
  render(<SyncSection stored={storedConfig()} view={VIEW} names={new Map()} />);
  return {
    interval: screen.getByLabelText('Sync every (minutes)') as HTMLInputElement,
    days: screen.getByLabelText('Number of days of history') as HTMLInputElement,
    save: screen.getByRole('button', { name: 'Save schedule' }),
  };
}

describe('SyncSection schedule', () => {
  it('refuses an interval out of range with the reason, and saves nothing', async () => {
    const { interval, save } = setup();
    fireEvent.input(interval, { target: { value: '0' } });
    fireEvent.click(save);
    expect(await screen.findByText(/between 1 and 1,440/)).toBeTruthy();
    expect(interval.getAttribute('aria-invalid')).toBe('true');
    expect(await settingsItem.getValue()).toEqual(DEFAULT_SETTINGS);
  });

  it('saves the interval and a history window in days', async () => {
    const { interval, days, save } = setup();
    expect(days.disabled).toBe(true);
    fireEvent.input(interval, { target: { value: '30' } });
    fireEvent.click(screen.getByLabelText('Only sessions created in the last'));
    expect(days.disabled).toBe(false);
    fireEvent.input(days, { target: { value: '60' } });
    fireEvent.click(save);
    // Nothing cached is older than 60 days: nothing to confirm.
    expect(await screen.findByText('Saved.')).toBeTruthy();
    const saved = await settingsItem.getValue();
    expect(saved.syncIntervalMinutes).toBe(30);
    expect(saved.historyDays).toBe(60);
  });

  it('refuses a history window that is not whole days', async () => {
    const { days, save } = setup();
    fireEvent.click(screen.getByLabelText('Only sessions created in the last'));
    fireEvent.input(days, { target: { value: '2.5' } });
    fireEvent.click(save);
    expect(await screen.findByText(/between 1 and 3,650/)).toBeTruthy();
    expect((await settingsItem.getValue()).historyDays).toBeNull();
  });

  it('asks before a shorter history removes cached sessions, saying how many', async () => {
    const days = (n: number) => new Date(Date.now() - n * 24 * 60 * 60 * 1000).toISOString();
    await putSessions(db, [
      makeSession({ created_at: days(100), updated_at: days(99) }),
      makeSession({ created_at: days(45), updated_at: days(44) }),
      makeSession({ created_at: days(40), updated_at: days(40) }),
      makeSession({ created_at: days(2), updated_at: days(1) }),
    ]);
    const { days: field, save } = setup();
    fireEvent.click(screen.getByLabelText('Only sessions created in the last'));
    fireEvent.input(field, { target: { value: '30' } });
    fireEvent.click(save);
    expect(
      await screen.findByText(/Remove the 3 cached sessions created before .+ from this browser\?/),
    ).toBeTruthy();
    // Nothing is saved until the answer; Cancel keeps the old window.
    expect((await settingsItem.getValue()).historyDays).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByText(/Remove the 3 cached sessions/)).toBeNull();
    expect((await settingsItem.getValue()).historyDays).toBeNull();

    fireEvent.click(save);
    fireEvent.click(await screen.findByRole('button', { name: 'Save and remove 3 sessions' }));
    expect(await screen.findByText(/Saved\. The 3 cached sessions created before/)).toBeTruthy();
    expect((await settingsItem.getValue()).historyDays).toBe(30);
  });
});

describe('SyncSection status', () => {
  it('says an error once, not once per organization', async () => {
    const message = 'The API key was refused. Check that it is copied in full.';
    const error = { kind: 'unauthorized' as const, message, at: 2 };
    const state = (org_id: string) => ({
      org_id,
      pass: null,
      watermark: null,
      lastSuccessAt: null,
      lastError: error,
      skipped: [],
      skippedCount: 0,
    });
    const view = {
      loaded: true,
      states: [state('org-a'), state('org-b'), state('org-c')],
      status: { ...EMPTY_SYNC_STATUS, lastError: error },
      lease: null,
    };
    render(
      <SyncSection
        stored={storedConfig({ settings: { ...DEFAULT_SETTINGS, orgIds: ['org-a', 'org-b'] } })}
        view={view}
        names={new Map()}
      />,
    );
    expect(screen.getAllByText(message, { exact: false })).toHaveLength(1);
    const alerts = screen.getAllByRole('alert').map((alert) => alert.textContent ?? '');
    expect(alerts.filter((text) => text.includes(message))).toHaveLength(1);
    expect(screen.getAllByText('Not synced: the error above.')).toHaveLength(3);
  });
});
