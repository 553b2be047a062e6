/**
 * The manifest the store build ships (`npm run build`), read from its output: what the browser
 * announces at install. Only the Devin API is asked for up front; no `tabs` ("Read your
 * browsing history"), no loopback (that is the test build's, in .output/loopback).
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
}

let manifest: Manifest;

beforeAll(async () => {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DEVIN_EXT_LOOPBACK;
  await promisify(execFile)(resolve(ROOT, 'node_modules/.bin/wxt'), ['build'], {
    cwd: ROOT,
    env,
  });
  manifest = JSON.parse(
    await readFile(resolve(ROOT, '.output/chrome-mv3/manifest.json'), 'utf8'),
  ) as Manifest;
}, 120_000);

describe('the store build manifest', () => {
  it('asks at install for nothing beyond the Devin API', () => {
    expect(manifest.permissions).not.toContain('tabs');
    expect(manifest.permissions?.sort()).toEqual([
      'alarms',
      'contextMenus',
      'storage',
      'unlimitedStorage',
    ]);
    expect(manifest.host_permissions).toEqual(['https://api.devin.ai/*']);
    // Notifications are asked for when an alert kind is first set to notify.
    expect(manifest.optional_permissions).toEqual(['notifications']);
  });

  it('lists no loopback host, not even as optional', () => {
    const hosts = [
      ...(manifest.host_permissions ?? []),
      ...(manifest.optional_host_permissions ?? []),
    ];
    expect(hosts.filter((host) => /127\.0\.0\.1|localhost/.test(host))).toEqual([]);
  });
});
