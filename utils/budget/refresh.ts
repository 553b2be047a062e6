/**
 * After each sync, the billed consumption of the current billing cycle (and of the previous
 * one, for comparison) is read and stored: a request or two on v2, one per organization more
 * on v3. It never fails the sync: a key that may not read billing (403) stores no figures and
 * the budget falls back to the session sum, saying why; other failures keep the last figures.
 */
import { type DevinClient, isDevinApiError } from '../api';
import { type ConsumptionRow, type DevinDatabase, readBilling, writeBilling } from '../db';
import { type BillingCycle, billingCycleAt, previousCycle } from './cycle';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RefreshOptions {
  now: number;
  /** The cycle's first day of the month (settings). */
  startDay: number;
  orgIds: readonly string[];
  signal?: AbortSignal;
}

async function readCycle(
  client: DevinClient,
  key: ConsumptionRow['key'],
  cycle: BillingCycle,
  options: RefreshOptions,
): Promise<ConsumptionRow> {
  const figures = await client.getDailyConsumption(
    {
      start: new Date(cycle.start).toISOString(),
      end: new Date(Math.min(cycle.end, options.now)).toISOString(),
      orgIds: options.orgIds,
    },
    options.signal,
  );
  return { key, cycleStart: cycle.start, cycleEnd: cycle.end, fetchedAt: options.now, ...figures };
}

/** A finished cycle read a day after its end no longer changes: it is not read again. */
function isSettled(row: ConsumptionRow | null, cycle: BillingCycle, orgIds: readonly string[]) {
  return (
    row !== null &&
    row.cycleStart === cycle.start &&
    row.cycleEnd === cycle.end &&
    row.fetchedAt >= cycle.end + DAY_MS &&
    orgIds.every((id) => id in row.byOrg)
  );
}

export async function refreshConsumption(
  db: DevinDatabase,
  client: DevinClient,
  options: RefreshOptions,
): Promise<void> {
  const current = billingCycleAt(options.now, options.startDay);
  const previous = previousCycle(current, options.startDay);
  const stored = await readBilling(db);
  const base = { apiVersion: client.version, at: options.now };
  try {
    const rows = [await readCycle(client, 'current', current, options)];
    rows.push(
      stored.previous && isSettled(stored.previous, previous, options.orgIds)
        ? stored.previous
        : await readCycle(client, 'previous', previous, options),
    );
    await writeBilling(db, rows, { ...base, state: 'ok', message: null });
  } catch (error) {
    if (options.signal?.aborted) return;
    if (isDevinApiError(error) && error.kind === 'forbidden') {
      await writeBilling(db, [], { ...base, state: 'forbidden', message: null });
    } else {
      const message = error instanceof Error ? error.message : String(error);
      await writeBilling(db, null, { ...base, state: 'failed', message });
    }
  }
}
