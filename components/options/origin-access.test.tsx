// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OriginAccess } from './origin-access';

let granted: Set<string>;

beforeEach(() => {
  fakeBrowser.reset();
  granted = new Set();
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async (p) =>
    (p.origins ?? []).every((o) => granted.has(o)),
  );
  vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(async (p) => {
    for (const o of p.origins ?? []) granted.add(o);
    return true;
  });
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('OriginAccess', () => {
  it('warns when access to a custom origin was withdrawn, and asks again from a click', async () => {
    render(<OriginAccess origin="https://devin.corp.example" what="sync" />);
    const warning = await screen.findByText(/does not allow the extension to reach/);
    expect(warning.closest('[role="alert"]')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Allow access' }));
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({
      origins: ['https://devin.corp.example/*'],
    });
    await waitFor(() => expect(screen.queryByText(/does not allow/)).toBeNull());
  });

  it('says nothing when access is allowed', async () => {
    granted.add('https://devin.corp.example/*');
    render(<OriginAccess origin="https://devin.corp.example" what="sync" />);
    await waitFor(() => expect(fakeBrowser.permissions.contains).toHaveBeenCalled());
    expect(screen.queryByText(/does not allow/)).toBeNull();
  });

  it('warns for the built-in API origin too once its access was withdrawn (Firefox allows it)', async () => {
    render(<OriginAccess origin="https://api.devin.ai" what="sync" />);
    await screen.findByText(/does not allow the extension to reach https:\/\/api\.devin\.ai/);
    cleanup();
    granted.add('https://api.devin.ai/*');
    render(<OriginAccess origin="https://api.devin.ai" what="sync" />);
    await waitFor(() => expect(fakeBrowser.permissions.contains).toHaveBeenCalledTimes(2));
    expect(screen.queryByText(/does not allow/)).toBeNull();
  });
});
