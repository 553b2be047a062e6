/**
 * Only one sync runs at a time. The holder writes a lease with an expiry and renews it as it
 * goes; a holder that died (a stopped service worker) stops renewing, and its lease lapses.
 */
import type { DevinDatabase } from '../db';

export const LEASE_KEY = 'syncLease';

export interface Lease {
  holder: string;
  expiresAt: number;
}

export async function readLease(db: DevinDatabase): Promise<Lease | null> {
  const row = await db.meta.get(LEASE_KEY);
  return (row?.value as Lease | undefined) ?? null;
}

/** Is the lease free, lapsed or already ours? */
export function canTakeLease(current: Lease | null, holder: string, now: number): boolean {
  return !current || current.holder === holder || current.expiresAt <= now;
}

export class LeaseLostError extends Error {
  override readonly name = 'LeaseLostError';
  constructor() {
    super('Another sync took over.');
  }
}

/**
 * Extends our lease inside the caller's transaction (which must include `meta`), or throws
 * LeaseLostError so that the transaction, and the page it would have written, is rolled back.
 * It opens no transaction of its own: Dexie would hold the caller's other requests until that
 * one finished.
 */
export async function renewLeaseOrAbort(
  db: DevinDatabase,
  holder: string,
  ttlMs: number,
  now = Date.now(),
): Promise<void> {
  if (!canTakeLease(await readLease(db), holder, now)) throw new LeaseLostError();
  await db.meta.put({ key: LEASE_KEY, value: { holder, expiresAt: now + ttlMs } });
}

export async function releaseLease(db: DevinDatabase, holder: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const current = await readLease(db);
    if (current?.holder === holder) await db.meta.delete(LEASE_KEY);
  });
}

/**
 * A browser runs one background worker per extension, so at its start-up any lease belongs to
 * a predecessor that was stopped mid-sync: dropping it lets the new worker resume at once.
 * Tells whether there was one, that is whether a run was cut short.
 */
export async function dropLeaseOfStoppedWorker(db: DevinDatabase): Promise<boolean> {
  return db.transaction('rw', db.meta, async () => {
    const found = (await readLease(db)) !== null;
    if (found) await db.meta.delete(LEASE_KEY);
    return found;
  });
}

export function isLeaseActive(lease: Lease | null, now = Date.now()): boolean {
  return lease !== null && lease.expiresAt > now;
}
