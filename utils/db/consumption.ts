/**
 * Billed consumption as the sync last read it (utils/budget/refresh.ts): the current billing
 * cycle so far and the previous one, plus whether the key may read billing at all. A small
 * table of its own (two rows), cleared with the cache since it belongs to the key that read it.
 */
import type { BillingStatus, ConsumptionRow } from './consumption-row';
import type { DevinDatabase } from './schema';

export type { BillingStatus, ConsumptionRow };

const BILLING_STATUS_KEY = 'billing';

export interface StoredBilling {
  current: ConsumptionRow | null;
  previous: ConsumptionRow | null;
  status: BillingStatus | null;
}

/** Both cycles and the status, in one transaction so a page never sees half of a refresh. */
export async function writeBilling(
  db: DevinDatabase,
  rows: readonly ConsumptionRow[] | null,
  status: BillingStatus,
): Promise<void> {
  await db.transaction('rw', [db.consumption, db.meta], async () => {
    // null: keep what was read before (a failure that may pass); [] forgets it.
    if (rows !== null) {
      await db.consumption.clear();
      await db.consumption.bulkPut([...rows]);
    }
    await db.meta.put({ key: BILLING_STATUS_KEY, value: status });
  });
}

export async function readBilling(db: DevinDatabase): Promise<StoredBilling> {
  return db.transaction('r', [db.consumption, db.meta], async () => {
    const [current, previous, status] = await Promise.all([
      db.consumption.get('current'),
      db.consumption.get('previous'),
      db.meta.get(BILLING_STATUS_KEY),
    ]);
    return {
      current: current ?? null,
      previous: previous ?? null,
      status: (status?.value as BillingStatus | undefined) ?? null,
    };
  });
}
