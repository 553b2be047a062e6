/**
 * Writes to the session cache. Callers wrap these in one transaction with their checkpoint
 * (see utils/sync), so the cache is never left half-written.
 */
import type { Session } from '../api';
import { toSearchText, toSessionDetail, toSessionRow } from './rows';
import type { DevinDatabase, SessionRow } from './schema';

export const SESSION_TABLES = ['sessions', 'details', 'searchText'] as const;

/**
 * Upserts by `session_id`. A copy older than the one cached (a page replayed after a restart,
 * or an overlap) never overwrites a newer one, and a copy identical to the cached one is not
 * written again (each incremental sync re-reads a few minutes of overlap). Returns how many
 * sessions were written.
 */
export async function upsertSessions(db: DevinDatabase, sessions: Session[]): Promise<number> {
  if (sessions.length === 0) return 0;
  const rows = sessions.map(toSessionRow);
  const existing = await db.sessions.bulkGet(rows.map((row) => row.session_id));
  const fresh: number[] = [];
  rows.forEach((row, i) => {
    const cached = existing[i];
    if (!cached || row.updated_at > cached.updated_at) fresh.push(i);
    // Same time stamp: written only if something shown changed (PR states can change quietly).
    else if (row.updated_at === cached.updated_at && !sameRow(row, cached)) fresh.push(i);
  });
  if (fresh.length === 0) return 0;
  const pick = <T>(items: T[]) => fresh.map((i) => items[i] as T);
  const freshSessions = pick(sessions);
  await db.sessions.bulkPut(pick(rows));
  await db.details.bulkPut(freshSessions.map(toSessionDetail));
  await db.searchText.bulkPut(freshSessions.map(toSearchText));
  return fresh.length;
}

function sameRow(a: SessionRow, b: SessionRow): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Removes every cached session and sync state of organizations not in `keepOrgIds`. */
export async function removeOtherOrganizations(
  db: DevinDatabase,
  keepOrgIds: readonly string[],
): Promise<number> {
  const keep = new Set(keepOrgIds);
  // Every sync calls this; usually nothing is to be removed, so look before taking a write lock.
  // Walking the org index's distinct keys reads no rows.
  const cachedOrgs = (await db.sessions.orderBy('org_id').uniqueKeys()) as string[];
  const staleStates = await db.syncState.filter((state) => !keep.has(state.org_id)).primaryKeys();
  if (cachedOrgs.every((orgId) => keep.has(orgId)) && staleStates.length === 0) return 0;
  return db.transaction('rw', [...SESSION_TABLES, 'syncState'], async () => {
    const removed = cachedOrgs.filter((orgId) => !keep.has(orgId));
    const ids =
      removed.length === 0 ? [] : await db.sessions.where('org_id').anyOf(removed).primaryKeys();
    await db.sessions.bulkDelete(ids);
    await db.details.bulkDelete(ids);
    await db.searchText.bulkDelete(ids);
    await db.syncState.bulkDelete(staleStates);
    return ids.length;
  });
}

/** Removes sessions created before `cutoff` (epoch ms): the history window moved past them. */
export async function removeSessionsCreatedBefore(
  db: DevinDatabase,
  cutoff: number,
): Promise<number> {
  return db.transaction('rw', [...SESSION_TABLES], async () => {
    const ids = await db.sessions.where('created_at').below(cutoff).primaryKeys();
    await db.sessions.bulkDelete(ids);
    await db.details.bulkDelete(ids);
    await db.searchText.bulkDelete(ids);
    return ids.length;
  });
}

/** Empties the cache and all sync progress; the directory too when `includeDirectory`. */
export async function clearCache(db: DevinDatabase, includeDirectory = true): Promise<void> {
  const tables = [
    ...SESSION_TABLES,
    'syncState',
    ...(includeDirectory ? ['organizations', 'members'] : []),
  ];
  await db.transaction('rw', tables, async () => {
    await Promise.all(tables.map((name) => db.table(name).clear()));
  });
}
