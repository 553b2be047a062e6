/**
 * Billed consumption as the sync last read it (utils/budget/refresh.ts): the current billing
 * cycle so far and the previous one, plus whether the key may read billing at all. A small
 * table of its own (two rows), cleared with the cache since it belongs to the key that read it.
 */
import type { DevinDatabase } from './schema';

export type ConsumptionKey = 'current' | 'previous';

export interface ConsumptionRow {
  key: ConsumptionKey;
  /** The cycle read (epoch ms, 08:00 UTC instants). */
  cycleStart: number;
  cycleEnd: number;
  fetchedAt: number;
  totalAcus: number;
  byDate: Record<string, number>;
  byOrg: Record<string, number>;
  /** Null when the API gives no per-user breakdown (v3). */
  byUser: Record<string, number> | null;
}

/** Whether the last read worked (the UI says what to do when it did not). */
export interface BillingStatus {
  state: 'ok' | 'forbidden' | 'failed';
  /** Which API answered: the permission to ask for differs (the UI words it). */
  apiVersion: 'v2' | 'v3';
  /** For `failed`: the API error's plain-words message. */
  message: string | null;
  at: number;
}

export const BILLING_STATUS_KEY = 'billing';

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
