/**
 * Stores a newer copy of one session, fetched by an action rather than by the sync. The sync's
 * page writer keeps the next page number and the summary in memory while it holds the lease,
 * so a page written beside it would be overwritten or miscounted: the copy is written only
 * when no sync holds the lease, in one transaction over the page tables (whole or not at all),
 * and only into the cache of the key it was fetched with.
 */

import { sleep } from '../api/retry';
import type { Session } from '../api/schemas';
import type { DevinDatabase } from '../db/schema';
import { PAGE_TABLES, storeSessions } from '../db/writes';
import { IDENTITY_KEY } from '../sync/identity';
import { isLeaseActive, LEASE_KEY, type Lease } from '../sync/lease';

type StoreAttempt = 'stored' | 'sync-running' | 'other-cache';

async function tryStore(
  db: DevinDatabase,
  identity: string,
  session: Session,
  now: number,
): Promise<StoreAttempt> {
  return db.transaction('rw', [...PAGE_TABLES], async () => {
    const [lease, owner] = await db.meta.bulkGet([LEASE_KEY, IDENTITY_KEY]);
    if (owner?.value !== identity) return 'other-cache';
    if (isLeaseActive((lease?.value as Lease | undefined) ?? null, now)) return 'sync-running';
    await storeSessions(db, session.org_id, [session], { checkCached: true });
    return 'stored';
  });
}

const WAIT_FOR_SYNC_MS = 1_000;

/**
 * Stores the copy once no sync is writing, waiting until `deadline` (epoch ms) at most.
 * `other-cache`: the key changed meanwhile, and the copy belongs to no cache kept now.
 */
export async function storeSessionCopy(
  db: DevinDatabase,
  identity: string,
  session: Session,
  deadline: number,
  now: () => number = Date.now,
): Promise<StoreAttempt> {
  for (;;) {
    const attempt = await tryStore(db, identity, session, now());
    if (attempt !== 'sync-running' || now() + WAIT_FOR_SYNC_MS > deadline) return attempt;
    await sleep(WAIT_FOR_SYNC_MS);
  }
}
