import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { putSessions } from '../../tests/fixtures/db';
import { makeSession } from '../../tests/fixtures/sessions';
import { LEASE_KEY } from '../sync/lease';
import { cacheChanged } from './changes';
import { DevinDatabase } from './schema';
import { clearCache } from './writes';

const reports: Record<string, unknown>[] = [];
const listener = (parts: Record<string, unknown>) => {
  reports.push(parts);
};

afterEach(() => {
  Dexie.on('storagemutated').unsubscribe(listener);
  reports.length = 0;
});

/** What Dexie reports for `write`, read as a change of the cache or not. */
async function seen(db: DevinDatabase, write: () => Promise<unknown>): Promise<boolean> {
  reports.length = 0;
  Dexie.on('storagemutated', listener);
  await write();
  // Dexie reports a commit after it.
  await new Promise((resolve) => setTimeout(resolve, 20));
  Dexie.on('storagemutated').unsubscribe(listener);
  return reports.some((parts) => cacheChanged(parts, db.name));
}

describe('cacheChanged', () => {
  it('sees pages stored with plain requests, through the summary written with them', async () => {
    const db = new DevinDatabase(`changes-${Math.random()}`);
    expect(await seen(db, () => putSessions(db, [makeSession({ session_id: 'a' })]))).toBe(true);
    expect(await seen(db, () => clearCache(db))).toBe(true);
  });

  it('ignores writes of other records, and of other databases', async () => {
    const db = new DevinDatabase(`changes-${Math.random()}`);
    // Opening reports every table as changed (it is the first read of the cache, too).
    expect(await seen(db, () => db.open())).toBe(true);
    const lease = { key: LEASE_KEY, value: { holder: 'me', expiresAt: 1 } };
    expect(await seen(db, () => db.meta.put(lease))).toBe(false);
    console.log(JSON.stringify(reports));
    expect(await seen(db, () => db.members.put({ user_id: 'u', name: 'U' } as never))).toBe(false);
    const other = new DevinDatabase(`other-${Math.random()}`);
    await other.open();
    expect(await seen(other, () => putSessions(other, [makeSession()]))).toBe(true);
    expect(reports.some((parts) => cacheChanged(parts, db.name))).toBe(false);
  });
});
