import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type FakePermissions, installFakePermissions } from '../../tests/fixtures/permissions';
import { badgeAccessPatterns, hasBadgeAccess, releaseBadgeAccess } from './badge-access';

const BUILT_IN = [
  'https://github.com/*',
  'https://gitlab.com/*',
  'https://bitbucket.org/*',
  'https://dev.azure.com/*',
  'https://*.visualstudio.com/*',
];
let permissions: FakePermissions;

beforeEach(() => {
  fakeBrowser.reset();
  permissions = installFakePermissions(['https://api.devin.ai/*']);
});

afterEach(() => vi.restoreAllMocks());

describe('badge access', () => {
  it('asks for whole public git hosts and each added server, nothing broader', () => {
    expect(
      badgeAccessPatterns([
        { origin: 'https://git.example.com:8443', kind: 'github' },
        { origin: 'https://git.example.com', kind: 'gitlab' },
        { origin: 'not a url', kind: 'github' },
      ]),
    ).toEqual([...BUILT_IN, 'https://git.example.com/*']);
  });

  it('is there only when every public git host is granted', async () => {
    for (const pattern of BUILT_IN.slice(1)) permissions.granted.add(pattern);
    expect(await hasBadgeAccess()).toBe(false);
    permissions.granted.add(BUILT_IN[0] ?? '');
    expect(await hasBadgeAccess()).toBe(true);
  });

  it('gives everything back but the API origin an added server shares', async () => {
    const server = 'https://devin.example.com';
    for (const pattern of [...BUILT_IN, `${server}/*`]) permissions.granted.add(pattern);
    await releaseBadgeAccess([{ origin: server, kind: 'github' }], server);
    expect([...permissions.granted].sort()).toEqual(['https://api.devin.ai/*', `${server}/*`]);
  });
});
