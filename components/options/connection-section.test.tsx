// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storedConfig } from '../../tests/fixtures/options';
import type { ConnectionReport } from '../../utils/connection/test-connection';
import { sendMessage } from '../../utils/messaging';
import {
  apiKeyItem,
  apiKeyOriginItem,
  DEFAULT_SETTINGS,
  settingsItem,
} from '../../utils/settings/items';
import { saveConnection } from '../../utils/settings/key-storage';
import { ConnectionSection } from './connection-section';

vi.mock('../../utils/messaging', () => ({ sendMessage: vi.fn(), onMessage: vi.fn() }));

const send = vi.mocked(sendMessage) as unknown as ReturnType<typeof vi.fn>;

const CONNECTED: ConnectionReport = {
  ok: true,
  organizations: [
    { org_id: 'org-a', org_name: 'Platform' },
    { org_id: 'org-b', org_name: 'Payments' },
  ],
  directoryForbidden: false,
  connectedAs: 'Connected to the v2 API.',
  message: 'Connected to the v2 API. This key sees 2 organizations.',
};

const REFUSED: ConnectionReport = {
  ok: false,
  kind: 'unauthorized',
  message: 'The API key was refused. Check that it is copied in full.',
};

const UNREACHABLE: ConnectionReport = {
  ok: false,
  kind: 'network',
  message: 'The Devin API could not be reached.',
};

let granted: boolean;

beforeEach(() => {
  fakeBrowser.reset();
  send.mockReset();
  granted = true;
  vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(async () => granted);
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function setup(options: { orgIds?: string[]; managedBase?: string } = {}) {
  const onReport = vi.fn();
  render(
    <ConnectionSection
      stored={storedConfig({
        managed: options.managedBase ? { apiBaseUrl: options.managedBase } : {},
      })}
      orgIds={options.orgIds ?? []}
      onReport={onReport}
    />,
  );
  const key = screen.getByLabelText('API key') as HTMLInputElement;
  const base = screen.getByLabelText('API base URL') as HTMLInputElement;
  return { onReport, key, base };
}

function type(input: HTMLInputElement, value: string) {
  fireEvent.input(input, { target: { value } });
}

function click(name: string) {
  fireEvent.click(screen.getByRole('button', { name }));
}

describe('ConnectionSection: base URL', () => {
  it('starts with the default base URL', () => {
    const { base } = setup();
    expect(base.value).toBe('https://api.devin.ai');
  });

  it('refuses a non-https remote address with the reason, and saves nothing', async () => {
    const { key, base } = setup();
    type(key, 'apk_user_abc');
    type(base, 'http://example.com');
    click('Save');
    const alert = await screen.findByText(/would travel unencrypted/);
    expect(alert.getAttribute('role')).toBe('alert');
    expect(base.getAttribute('aria-invalid')).toBe('true');
    expect(base.getAttribute('aria-describedby')).toContain(alert.id);
    expect(send).not.toHaveBeenCalled();
    expect(fakeBrowser.permissions.request).not.toHaveBeenCalled();
    expect(await apiKeyItem.getValue()).toBeNull();
    expect(await settingsItem.getValue()).toEqual(DEFAULT_SETTINGS);
  });

  it('refuses it for a test too, without asking the background', async () => {
    const { key, base } = setup();
    type(key, 'apk_user_abc');
    type(base, 'http://example.com');
    click('Test connection');
    expect(await screen.findByText(/would travel unencrypted/)).toBeTruthy();
    expect(send).not.toHaveBeenCalled();
  });

  it('says why as soon as the field is left', async () => {
    const { base } = setup();
    type(base, 'https://api.devin.ai/v2');
    fireEvent.blur(base);
    expect(await screen.findByText(/origin only, without a path/)).toBeTruthy();
  });

  it('asks the browser for a custom origin in the click itself, and stops when declined', async () => {
    granted = false;
    const { key, base } = setup();
    type(key, 'apk_user_abc');
    type(base, 'https://devin.corp.example:8443');
    click('Test connection');
    // Synchronously, before anything was awaited: the user gesture still counts.
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({
      origins: ['https://devin.corp.example/*'],
    });
    expect(await screen.findByText(/did not allow the extension to reach/)).toBeTruthy();
    expect(send).not.toHaveBeenCalled();
  });

  it('is locked when policy sets it', () => {
    const { base } = setup({ managedBase: 'https://devin.corp.example' });
    expect(base.disabled).toBe(true);
    expect(base.value).toBe('https://devin.corp.example');
    expect(screen.getByText(/Set by your organization's policy/)).toBeTruthy();
  });
});

describe('ConnectionSection: test and save', () => {
  it('asks the key to be entered', async () => {
    setup();
    click('Test connection');
    const error = await screen.findByText('Enter the API key.');
    expect(error.getAttribute('role')).toBe('alert');
    expect(send).not.toHaveBeenCalled();
  });

  it('tests through the background and names the organizations the key sees', async () => {
    send.mockResolvedValue(CONNECTED);
    const { key, onReport } = setup({ orgIds: ['org-a'] });
    type(key, '  apk_user_abc  ');
    click('Test connection');
    expect(
      await screen.findByText(/This key sees 2 organizations: Platform, Payments/),
    ).toBeTruthy();
    expect(send).toHaveBeenCalledWith('testConnection', {
      apiBaseUrl: 'https://api.devin.ai',
      apiKey: 'apk_user_abc',
      orgIds: ['org-a'],
    });
    expect(onReport).toHaveBeenCalledWith(CONNECTED);
    expect(fakeBrowser.permissions.request).not.toHaveBeenCalled();
  });

  it('tests before saving and does not save a refused key', async () => {
    send.mockResolvedValue(REFUSED);
    const { key } = setup();
    type(key, 'apk_user_wrong');
    click('Save');
    expect(await screen.findByText(/Not saved\. The API key is invalid:/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save anyway' })).toBeNull();
    expect(await apiKeyItem.getValue()).toBeNull();
  });

  it('offers to save anyway when the API could not be reached', async () => {
    send.mockResolvedValue(UNREACHABLE);
    const { key } = setup();
    type(key, 'apk_user_abc');
    click('Save');
    fireEvent.click(await screen.findByRole('button', { name: 'Save anyway' }));
    await waitFor(async () => expect(await apiKeyItem.getValue()).toBe('apk_user_abc'));
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('saves the key and base URL together once the test passed', async () => {
    send.mockResolvedValue(CONNECTED);
    const { key, base } = setup();
    type(key, 'apk_user_abc');
    type(base, 'http://127.0.0.1:8123/');
    click('Save');
    expect(await screen.findByText(/^Saved\./)).toBeTruthy();
    expect(await apiKeyItem.getValue()).toBe('apk_user_abc');
    expect((await settingsItem.getValue()).apiBaseUrl).toBe('http://127.0.0.1:8123');
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({
      origins: ['http://127.0.0.1/*'],
    });
  });

  it('does not test again a key that just passed', async () => {
    send.mockResolvedValue(CONNECTED);
    const { key } = setup();
    type(key, 'apk_user_abc');
    click('Test connection');
    await screen.findByText(/This key sees 2 organizations/);
    click('Save');
    await waitFor(async () => expect(await apiKeyItem.getValue()).toBe('apk_user_abc'));
    expect(send).toHaveBeenCalledTimes(1);
  });
});

describe('ConnectionSection: the address the saved key is confirmed for', () => {
  const MOVED = 'https://devin.corp.example';

  function renderSaved(settingsBase: string, keyOrigin: string, managedBase?: string) {
    render(
      <ConnectionSection
        stored={storedConfig({
          settings: { ...DEFAULT_SETTINGS, apiBaseUrl: settingsBase },
          keyEnding: '1234',
          keyOrigin,
          managed: managedBase ? { apiBaseUrl: managedBase } : {},
        })}
        orgIds={[]}
        onReport={vi.fn()}
      />,
    );
  }

  it('says the address changed, and a click confirms the key for it', async () => {
    await saveConnection('apk_user_abc1234', 'https://api.devin.ai');
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, apiBaseUrl: MOVED });
    renderSaved(MOVED, 'https://api.devin.ai');
    const notice = screen.getByTestId('key-origin');
    expect(notice.getAttribute('role')).toBe('alert');
    expect(notice.textContent).toContain(
      `The API address changed to ${MOVED}. Confirm your key for this address in Settings.`,
    );
    expect(notice.textContent).not.toContain('apk_user_abc1234');
    click(`Confirm key for ${MOVED}`);
    // The browser is asked for the address in the click itself.
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({
      origins: ['https://devin.corp.example/*'],
    });
    expect(await screen.findByText(/Confirmed\. Your saved key is sent to/)).toBeTruthy();
    expect(await apiKeyOriginItem.getValue()).toBe(MOVED);
    expect(send).not.toHaveBeenCalled();
  });

  it('does not confirm when the browser refuses to reach the address', async () => {
    granted = false;
    await saveConnection('apk_user_abc1234', 'https://api.devin.ai');
    renderSaved(MOVED, 'https://api.devin.ai');
    click(`Confirm key for ${MOVED}`);
    expect(await screen.findByText(/Not confirmed: the browser did not allow/)).toBeTruthy();
    expect(await apiKeyOriginItem.getValue()).toBe('https://api.devin.ai');
  });

  it('asks nothing for the address the key is confirmed for, or one set by policy', () => {
    renderSaved(MOVED, MOVED);
    expect(screen.queryByTestId('key-origin')).toBeNull();
    cleanup();
    renderSaved('https://api.devin.ai', 'https://api.devin.ai', MOVED);
    expect(screen.queryByTestId('key-origin')).toBeNull();
  });

  it('offers to confirm a typed address the background would not send the key to', async () => {
    send.mockResolvedValue({
      ok: false,
      kind: 'unconfirmed_origin',
      message: `The API address changed to ${MOVED}. Confirm your key for this address in Settings.`,
    } satisfies ConnectionReport);
    await saveConnection('apk_user_abc1234', 'https://api.devin.ai');
    renderSaved('https://api.devin.ai', 'https://api.devin.ai');
    type(screen.getByLabelText('API base URL') as HTMLInputElement, MOVED);
    click('Save');
    expect(
      await screen.findByText(/Not saved\. The saved key has not been confirmed for/),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save anyway' })).toBeNull();
    expect(screen.getByTestId('key-origin').textContent).toContain(
      `Your saved key has not been confirmed for ${MOVED}.`,
    );
    click(`Confirm key for ${MOVED}`);
    await waitFor(async () => expect(await apiKeyOriginItem.getValue()).toBe(MOVED));
    expect((await settingsItem.getValue()).apiBaseUrl).toBe(MOVED);
  });
});
