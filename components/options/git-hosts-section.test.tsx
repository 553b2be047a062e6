// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storedConfig } from '../../tests/fixtures/options';
import { DEFAULT_SETTINGS, settingsItem } from '../../utils/settings/items';
import { GitHostsSection } from './git-hosts-section';

let granted: boolean;

beforeEach(() => {
  fakeBrowser.reset();
  granted = true;
  vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(async () => granted);
  vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation(async () => true);
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async () => granted);
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function add(address: string, kind?: string) {
  fireEvent.input(screen.getByLabelText('Server address'), { target: { value: address } });
  if (kind) fireEvent.change(screen.getByLabelText('Kind'), { target: { value: kind } });
  fireEvent.click(screen.getByRole('button', { name: 'Add server' }));
}

describe('GitHostsSection', () => {
  it('adds a server without asking the browser anything while the badge is off', async () => {
    render(<GitHostsSection stored={storedConfig()} badgeOn={false} />);
    add('gitlab.example.com:8443/group', 'gitlab');
    expect(
      await screen.findByText(
        'Added https://gitlab.example.com:8443. Right-click a pull request there to find its Devin sessions.',
      ),
    ).toBeTruthy();
    expect(fakeBrowser.permissions.request).not.toHaveBeenCalled();
    expect((await settingsItem.getValue()).gitHosts).toEqual([
      { origin: 'https://gitlab.example.com:8443', kind: 'gitlab' },
    ]);
  });

  it('asks for the server from the click while the badge is on', async () => {
    render(<GitHostsSection stored={storedConfig()} badgeOn />);
    add('gitlab.example.com:8443/group', 'gitlab');
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({
      origins: ['https://gitlab.example.com/*'],
    });
    expect(await screen.findByText(/Its pull request pages show the badge\./)).toBeTruthy();
  });

  it('refuses an address with the reason and asks nothing', async () => {
    render(<GitHostsSection stored={storedConfig()} badgeOn={false} />);
    add('http://git.example.com');
    const reason = screen.getByText(/Only https:\/\/ addresses can be added/);
    expect(reason.getAttribute('role')).toBe('alert');
    expect(screen.getByLabelText('Server address').getAttribute('aria-describedby')).toBe(
      reason.id,
    );
    add('github.com');
    expect(screen.getByText(/supported already/)).toBeTruthy();
    expect(fakeBrowser.permissions.request).not.toHaveBeenCalled();
    expect(await settingsItem.getValue()).toEqual(DEFAULT_SETTINGS);
  });

  it('adds the server for the right-click lookup when the browser refuses the badge there', async () => {
    granted = false;
    render(<GitHostsSection stored={storedConfig()} badgeOn />);
    add('https://git.example.com');
    expect(await screen.findByText(/The badge will not show there/)).toBeTruthy();
    expect(fakeBrowser.permissions.request).toHaveBeenCalled();
    expect((await settingsItem.getValue()).gitHosts).toEqual([
      { origin: 'https://git.example.com', kind: 'github' },
    ]);
  });

  it('removes a server and gives its permission back', async () => {
    const gitHosts = [
      { origin: 'https://git.example.com', kind: 'github' as const },
      { origin: 'https://bitbucket.example.com', kind: 'bitbucket-server' as const },
    ];
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, gitHosts });
    render(
      <GitHostsSection
        stored={storedConfig({ settings: { ...DEFAULT_SETTINGS, gitHosts } })}
        badgeOn={false}
      />,
    );
    const rows = screen.getAllByRole('listitem').map((row) => row.textContent);
    expect(rows).toEqual([
      expect.stringContaining('GitHub Enterprise Server'),
      expect.stringContaining('Bitbucket Server / Data Center'),
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Remove https://git.example.com' }));
    expect(await screen.findByText('Removed https://git.example.com.')).toBeTruthy();
    expect((await settingsItem.getValue()).gitHosts).toEqual([gitHosts[1]]);
    expect(fakeBrowser.permissions.remove).toHaveBeenCalledWith({
      origins: ['https://git.example.com/*'],
    });
  });
});
