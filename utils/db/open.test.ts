import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '../api';
import { readSyncStatus } from '../sync/status';
import { CACHE_REBUILT_NOTICE, openOrRebuild } from './open';
import { DevinDatabase } from './schema';

afterEach(() => {
  vi.restoreAllMocks();
});

/** A version 1 database holding one session, which its upgrade to version 2 rewrites. */
async function versionOne(name: string): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores({
    sessions: 'session_id, org_id, status, user_id, created_at, updated_at, acus_consumed, *tags',
    details: 'session_id',
    syncState: 'org_id',
    organizations: 'org_id',
    members: 'user_id',
    meta: 'key',
  });
  await v1.open();
  const session = {
    session_id: 'one',
    url: 'https://app.devin.ai/sessions/one',
    status: 'exit',
    tags: [],
    org_id: 'org-1',
    created_at: '2026-01-02T03:04:05.000Z',
    updated_at: '2026-01-03T03:04:05.000Z',
    acus_consumed: 2,
    pull_requests: [],
    session_analysis: null,
    initial_user_message: 'Fix the build',
    title: null,
    user_id: null,
  } satisfies Session;
  await v1.table('details').put({ session_id: session.session_id, session });
  await v1.table('organizations').put({ org_id: 'org-1', name: 'Old' });
  v1.close();
}

describe('opening the database', () => {
  it('deletes a cache whose upgrade fails, opens a fresh one and says so', async () => {
    const name = `rebuild-${Math.random()}`;
    await versionOne(name);
    // The disk is full while the upgrade rewrites the cache: every start fails the same way.
    const put = IDBObjectStore.prototype.put;
    let fullDisk = true;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args
    ) {
      if (fullDisk && this.name === 'sessions') {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return put.apply(this, args);
    });
    for (let start = 0; start < 2; start++) {
      const plain = new DevinDatabase(name);
      await expect(plain.open()).rejects.toThrow();
      plain.close();
    }

    const db = new DevinDatabase(name);
    expect(await openOrRebuild(db)).toBe('rebuilt');
    fullDisk = false;
    expect(db.verno).toBe(14);
    expect(db.backendDB().version).toBe(140);
    expect(await db.organizations.count()).toBe(0);
    expect(await db.pages.count()).toBe(0);
    expect((await readSyncStatus(db)).notice).toBe(CACHE_REBUILT_NOTICE);
    // Later starts open it as usual.
    db.close();
    const again = new DevinDatabase(name);
    expect(await openOrRebuild(again)).toBe('opened');
    expect((await readSyncStatus(again)).notice).toBe(CACHE_REBUILT_NOTICE);
  });

  it('keeps a cache that upgrades, and a current one', async () => {
    const name = `keep-${Math.random()}`;
    const db = new DevinDatabase(name);
    expect(await openOrRebuild(db)).toBe('opened');
    await db.organizations.put({ org_id: 'org-1', name: 'Kept' } as never);
    db.close();
    const again = new DevinDatabase(name);
    expect(await openOrRebuild(again)).toBe('opened');
    expect(await again.organizations.count()).toBe(1);
    expect((await readSyncStatus(again)).notice).toBeNull();
  });
});
