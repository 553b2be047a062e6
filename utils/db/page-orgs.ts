/** Which organizations' sessions are cached: read from the pages' index records. */
import { readPagesIndex } from './index-requests';
import type { DevinDatabase } from './schema';
import { sessionIdOfStamp } from './stamps';

/**
 * The key ranges of the `org_id` index outside the given ids: below the first, between each
 * two, above the last (all of it when there are none).
 */
function rangesOutside(orgIds: readonly string[]): (IDBKeyRange | undefined)[] {
  const sorted = [...new Set(orgIds)].sort();
  const [lowest] = sorted;
  if (lowest === undefined) return [undefined];
  const ranges = [IDBKeyRange.upperBound(lowest, true)];
  for (let i = 1; i < sorted.length; i++) {
    ranges.push(IDBKeyRange.bound(sorted[i - 1], sorted[i], true, true));
  }
  ranges.push(IDBKeyRange.lowerBound(sorted.at(-1), true));
  return ranges;
}

/**
 * Are pages of organizations other than these cached? One count per gap between the kept ids
 * (see index-requests.ts). Every sync asks, and the answer is nearly always no: an empty range
 * costs a seek, where walking the index (Dexie's `uniqueKeys()`, or a `nextunique` cursor) took
 * up to 10 ms at 50,000 sessions.
 */
export function hasPagesOutside(db: DevinDatabase, orgIds: readonly string[]): Promise<boolean> {
  return readPagesIndex<IDBKeyRange | undefined, number>(
    db,
    'org_id',
    rangesOutside(orgIds),
    (index, range, done, fail) => {
      const request = index.count(range);
      request.onerror = () => fail(request.error);
      request.onsuccess = () => done(request.result);
    },
  ).then((counts) => counts.some((count) => count > 0));
}

/**
 * How many sessions of an organization are cached, each counted once however many copies it
 * has. Reads only the organization's index records (their stamps), never rows or sessions: a
 * few hundred small records for 50,000 sessions, once at the end of a backfill.
 */
export async function countOrgSessions(db: DevinDatabase, orgId: string): Promise<number> {
  const ids = new Set<string>();
  await db.pages
    .where('org_id')
    .equals(orgId)
    .each((page) => {
      for (const stamp of page.stamps) ids.add(sessionIdOfStamp(stamp));
    });
  return ids.size;
}
