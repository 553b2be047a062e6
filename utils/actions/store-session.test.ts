/** Storing an action's copy of a session: never beside a running sync, never in another cache. */
import { describe, expect, it } from 'vitest';
import { putSessions } from '../../tests/fixtures/db';
import { makeAnalysis, makeSession } from '../../tests/fixtures/rows';
import { readSession } from '../db/reads';
import { DevinDatabase } from '../db/schema';
import { IDENTITY_KEY } from '../sync/identity';
import { LEASE_KEY } from '../sync/lease';
import { storeSessionCopy } from './store-session';

async function cache(identity: string) {
  const db = new DevinDatabase(`store-copy-${Math.random()}`);
  const session = makeSession({ session_id: 'devin-a', org_id: 'org-1' });
  await putSessions(db, [session]);
  await db.meta.put({ key: IDENTITY_KEY, value: identity });
  const analysed = { ...session, session_analysis: makeAnalysis() };
  return { db, analysed };
}

describe('storing an analysed copy', () => {
  it('stores it in the cache of the key it was fetched with', async () => {
    const { db, analysed } = await cache('key-hash');
    expect(await storeSessionCopy(db, 'key-hash', analysed, Date.now())).toBe('stored');
    expect((await readSession(db, 'devin-a'))?.session_analysis).not.toBeNull();
  });

  it('leaves another key’s cache alone', async () => {
    const { db, analysed } = await cache('other-hash');
    expect(await storeSessionCopy(db, 'key-hash', analysed, Date.now())).toBe('other-cache');
    expect((await readSession(db, 'devin-a'))?.session_analysis).toBeNull();
  });

  it('waits while a sync holds the lease, and writes once it is given back', async () => {
    const { db, analysed } = await cache('key-hash');
    const lease = { holder: 'worker-x', expiresAt: Date.now() + 60_000 };
    await db.meta.put({ key: LEASE_KEY, value: lease });
    expect(await storeSessionCopy(db, 'key-hash', analysed, Date.now())).toBe('sync-running');
    expect((await readSession(db, 'devin-a'))?.session_analysis).toBeNull();

    const storing = storeSessionCopy(db, 'key-hash', analysed, Date.now() + 5_000);
    setTimeout(() => void db.meta.delete(LEASE_KEY), 200);
    expect(await storing).toBe('stored');
    expect((await readSession(db, 'devin-a'))?.session_analysis).not.toBeNull();
  });
});
