// Test-only: filling a database the way the sync does, and reading it back whole.
import type { Session } from '../api';
import { PAGE_TABLES } from './pages';
import { readCacheSummary, readSessionRows } from './reads';
import type { DevinDatabase } from './schema';
import type { SessionRow } from './types';
import { storeSessions } from './writes';

/** Stores sessions as the sync stores pages: by organization, 200 a page, newer copies win. */
export async function putSessions(db: DevinDatabase, sessions: readonly Session[]): Promise<void> {
  const byOrg = new Map<string, Session[]>();
  for (const session of sessions) {
    byOrg.set(session.org_id, [...(byOrg.get(session.org_id) ?? []), session]);
  }
  await db.transaction('rw', [...PAGE_TABLES], async () => {
    for (const [orgId, list] of byOrg) {
      for (let start = 0; start < list.length; start += 200) {
        await storeSessions(db, orgId, list.slice(start, start + 200), { checkCached: true });
      }
    }
  });
}

/** Every cached row by id. */
export async function rowsById(db: DevinDatabase): Promise<Map<string, SessionRow>> {
  return new Map((await readSessionRows(db)).map((row) => [row.session_id, row]));
}

export async function cachedCount(db: DevinDatabase): Promise<number> {
  return (await readCacheSummary(db)).sessions;
}
