// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storedConfig } from '../../tests/fixtures/options';
import { DEFAULT_SETTINGS, settingsItem } from '../../utils/settings/items';
import { EMPTY_SYNC_STATUS } from '../../utils/sync/status';
import { SyncSection } from './sync-section';

vi.mock('../../utils/messaging', () => ({ sendMessage: vi.fn(), onMessage: vi.fn() }));

const VIEW = { loaded: true, states: [], status: EMPTY_SYNC_STATUS, lease: null };

beforeEach(() => {
  fakeBrowser.reset();
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
    expect(await screen.findByText(/between 1 and 1440/)).toBeTruthy();
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
    expect(await screen.findByText(/Saved\. Sessions created before the new window/)).toBeTruthy();
    const saved = await settingsItem.getValue();
    expect(saved.syncIntervalMinutes).toBe(30);
    expect(saved.historyDays).toBe(60);
  });

  it('refuses a history window that is not whole days', async () => {
    const { days, save } = setup();
    fireEvent.click(screen.getByLabelText('Only sessions created in the last'));
    fireEvent.input(days, { target: { value: '2.5' } });
    fireEvent.click(save);
    expect(await screen.findByText(/between 1 and 3650/)).toBeTruthy();
    expect((await settingsItem.getValue()).historyDays).toBeNull();
  });
});
