/**
 * WXT's fakeBrowser does not implement `permissions` (its methods throw "not implemented"),
 * so these tests install a small in-memory permission store on it: granted patterns, and a
 * prompt the test answers.
 */

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { originToPermissionPattern } from '../pr-urls';
import {
  hasOriginPermission,
  isBuiltInOrigin,
  removeOriginPermission,
  requestOriginPermission,
} from './permissions';

let granted: Set<string>;
let answer: boolean;

function origins(permissions: { origins?: string[] }): string[] {
  return permissions.origins ?? [];
}

beforeEach(() => {
  fakeBrowser.reset();
  granted = new Set(['https://api.devin.ai/*']);
  answer = true;
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async (p) =>
    origins(p).every((o) => granted.has(o)),
  );
  vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(async (p) => {
    if (origins(p).every((o) => granted.has(o))) return true;
    if (answer) for (const o of origins(p)) granted.add(o);
    return answer;
  });
  vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation(async (p) => {
    for (const o of origins(p)) granted.delete(o);
    return true;
  });
});

describe('hasOriginPermission', () => {
  it('asks the browser about the origin as a host pattern without port', async () => {
    expect(await hasOriginPermission('https://devin.corp.example:8443')).toBe(false);
    expect(fakeBrowser.permissions.contains).toHaveBeenCalledWith({
      origins: ['https://devin.corp.example/*'],
    });
    expect(await hasOriginPermission('https://api.devin.ai')).toBe(true);
  });

  it('rejects what is not a URL', async () => {
    await expect(hasOriginPermission('not a url')).rejects.toThrow();
  });
});

describe('requestOriginPermission', () => {
  it('calls the browser synchronously, so the click that asked still counts as a gesture', async () => {
    const pending = requestOriginPermission('http://127.0.0.1:8123');
    expect(fakeBrowser.permissions.request).toHaveBeenCalledTimes(1);
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({
      origins: ['http://127.0.0.1/*'],
    });
    expect(await pending).toBe(true);
    expect(await hasOriginPermission('http://127.0.0.1:8123')).toBe(true);
  });

  it('resolves false when the person declines, and nothing is granted', async () => {
    answer = false;
    expect(await requestOriginPermission('https://git.example.com')).toBe(false);
    expect(await hasOriginPermission('https://git.example.com')).toBe(false);
  });

  it('asks git servers for the same pattern the PR lookup uses', async () => {
    for (const origin of ['https://git.example.com', 'https://gitlab.example.org:8443']) {
      await requestOriginPermission(origin);
      expect(fakeBrowser.permissions.request).toHaveBeenLastCalledWith({
        origins: [originToPermissionPattern(origin)],
      });
    }
  });

  it('rejects what is not a URL instead of throwing in the click handler', async () => {
    await expect(requestOriginPermission('::')).rejects.toThrow();
  });
});

describe('removeOriginPermission', () => {
  it('gives the permission back', async () => {
    await requestOriginPermission('https://git.example.com');
    expect(await removeOriginPermission('https://git.example.com')).toBe(true);
    expect(await hasOriginPermission('https://git.example.com')).toBe(false);
  });

  it('never throws when the browser refuses', async () => {
    vi.mocked(fakeBrowser.permissions.remove).mockRejectedValueOnce(new Error('required'));
    expect(await removeOriginPermission('https://api.devin.ai')).toBe(false);
  });
});

describe('isBuiltInOrigin', () => {
  it('is true only for the default API origin the manifest grants', () => {
    expect(isBuiltInOrigin('https://api.devin.ai')).toBe(true);
    expect(isBuiltInOrigin('https://api.devin.ai.evil.example')).toBe(false);
    expect(isBuiltInOrigin('http://127.0.0.1:8123')).toBe(false);
  });
});
