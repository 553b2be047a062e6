// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storedConfig } from '../../tests/fixtures/options';
import { type FakePermissions, installFakePermissions } from '../../tests/fixtures/permissions';
import { builtInHostPermissionPatterns } from '../../utils/pr-urls';
import { DEFAULT_SETTINGS, prPageBadgeItem } from '../../utils/settings/items';
import { PrBadgeSection } from './pr-badge-section';
import { usePrPageBadge } from './use-pr-page-badge';

const SERVER = 'https://git.example.com';
let permissions: FakePermissions;

beforeEach(() => {
  fakeBrowser.reset();
  permissions = installFakePermissions(['https://api.devin.ai/*']);
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function Harness() {
  const stored = storedConfig({
    settings: { ...DEFAULT_SETTINGS, gitHosts: [{ origin: SERVER, kind: 'github' }] },
  });
  return <PrBadgeSection stored={stored} on={usePrPageBadge()} />;
}

async function toggle(): Promise<HTMLInputElement> {
  const box = screen.getByRole('checkbox', {
    name: 'Show the number of linked sessions on pull request pages',
  }) as HTMLInputElement;
  await waitFor(() => expect(box.disabled).toBe(false));
  return box;
}

describe('PrBadgeSection', () => {
  it('is off until turned on, and says what turning it on will ask for', async () => {
    render(<Harness />);
    const box = await toggle();
    expect(box.checked).toBe(false);
    expect(box.getAttribute('aria-describedby')).toBe('pr-badge-access');
    expect(screen.getByText(/GitHub, GitLab, Bitbucket, Azure DevOps/).id).toBe('pr-badge-access');
  });

  it('asks for the git hosts from the click, and is on once the person allows it', async () => {
    render(<Harness />);
    fireEvent.click(await toggle());
    // Asked inside the click handler, before anything was awaited (the browser needs that).
    expect(permissions.prompts).toEqual([[...builtInHostPermissionPatterns(), `${SERVER}/*`]]);
    await screen.findByText(/The badge is on\./);
    expect(await prPageBadgeItem.getValue()).toBe(true);
    await waitFor(async () => expect((await toggle()).checked).toBe(true));
  });

  it('stays off, saying so, when the person refuses the prompt', async () => {
    permissions.answer = false;
    render(<Harness />);
    fireEvent.click(await toggle());
    const refusal = await screen.findByText(/The badge stays off: the browser did not allow/);
    expect(refusal.closest('[role="alert"]')).not.toBeNull();
    expect(await prPageBadgeItem.getValue()).toBe(false);
    expect((await toggle()).checked).toBe(false);
  });

  it('turns off and gives the access back', async () => {
    for (const pattern of builtInHostPermissionPatterns()) permissions.granted.add(pattern);
    permissions.granted.add(`${SERVER}/*`);
    await prPageBadgeItem.setValue(true);
    render(<Harness />);
    const box = await toggle();
    await waitFor(() => expect(box.checked).toBe(true));
    fireEvent.click(box);
    await screen.findByText(/The badge is off/);
    expect(await prPageBadgeItem.getValue()).toBe(false);
    expect([...permissions.granted]).toEqual(['https://api.devin.ai/*']);
  });
});
