// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storedConfig } from '../../tests/fixtures/options';
import { sendMessage } from '../../utils/messaging';
import { apiKeyItem } from '../../utils/settings/items';
import { ConnectionSection } from './connection-section';

vi.mock('../../utils/messaging', () => ({ sendMessage: vi.fn(), onMessage: vi.fn() }));

const send = vi.mocked(sendMessage) as unknown as ReturnType<typeof vi.fn>;

beforeEach(() => {
  fakeBrowser.reset();
  send.mockReset();
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function setup(managed: { forgetDataWithKey?: boolean } = {}) {
  render(
    <ConnectionSection
      stored={storedConfig({ keyEnding: 'abcd', managed })}
      orgIds={['org-a']}
      onReport={vi.fn()}
    />,
  );
}

function click(name: string) {
  fireEvent.click(screen.getByRole('button', { name }));
}

describe('ConnectionSection with a saved key', () => {
  it('shows only the ending and no key field', () => {
    setup();
    expect(screen.getByTestId('saved-key').textContent).toBe('Key saved, ending …abcd');
    expect(screen.queryByLabelText('API key')).toBeNull();
    expect(screen.getByRole('button', { name: 'Replace' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Forget key…' })).toBeTruthy();
  });

  it('tests the saved key through the background without sending a key', async () => {
    send.mockResolvedValue({ ok: false, kind: 'unauthorized', message: 'Refused.' });
    setup();
    click('Test connection');
    await waitFor(() =>
      expect(send).toHaveBeenCalledWith('testSavedConnection', {
        apiBaseUrl: 'https://api.devin.ai',
        orgIds: ['org-a'],
      }),
    );
  });

  it('Replace opens an empty key field, and Keep the saved key goes back', () => {
    setup();
    click('Replace');
    const key = screen.getByLabelText('API key') as HTMLInputElement;
    expect(key.value).toBe('');
    click('Keep the saved key');
    expect(screen.getByTestId('saved-key')).toBeTruthy();
  });

  it('Forget says what will be deleted and forgets key and data in one step', async () => {
    send.mockResolvedValue(undefined);
    setup();
    click('Forget key…');
    expect(send).not.toHaveBeenCalled();
    expect(screen.getByText(/delete the cached sessions, prompts and member e-mails/)).toBeTruthy();
    click('Forget key and delete cached data');
    await waitFor(() => expect(send).toHaveBeenCalledWith('forgetKey', { deleteData: true }));
    expect(await screen.findByText(/The key and the cached data were removed/)).toBeTruthy();
    // The page itself never touched the stored key.
    expect(await apiKeyItem.getValue()).toBeNull();
  });

  it('Forget can keep the data unless policy requires deleting it', async () => {
    send.mockResolvedValue(undefined);
    setup();
    click('Forget key…');
    fireEvent.click(screen.getByLabelText('Keep the cached data'));
    click('Forget key');
    await waitFor(() => expect(send).toHaveBeenCalledWith('forgetKey', { deleteData: false }));
    cleanup();
    setup({ forgetDataWithKey: true });
    click('Forget key…');
    expect(screen.queryByLabelText('Keep the cached data')).toBeNull();
    expect(screen.getByText(/policy deletes the cached data/)).toBeTruthy();
  });
});
