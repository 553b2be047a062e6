/** The PR lookup's read: which cached sessions link to a pull request. */
import type { DevinDatabase } from './schema';
import { cachedStamps } from './stamp-lookup';
import { updatedAtOfStamp } from './stamps';

/** Ids (ascending) of the sessions whose latest copy links to the PR with this key. */
export async function sessionIdsForPrKey(db: DevinDatabase, key: string): Promise<string[]> {
  const seqs = await db.pages.where('pr_keys').equals(key).primaryKeys();
  const pages = await db.pageRows.bulkGet(seqs);
  const linked = new Map<string, number>();
  for (const page of pages) {
    for (const row of page?.rows ?? []) {
      if (row.pr_keys.includes(key)) linked.set(row.session_id, row.updated_at);
    }
  }
  const ids = [...linked.keys()].sort();
  if (ids.length === 0) return ids;
  // A newer copy of a session may no longer link to the PR: it counts, not the older one.
  const newest = await latestUpdates(db, ids);
  return ids.filter((id, i) => (newest[i] ?? 0) <= (linked.get(id) ?? 0));
}

/** The newest cached `updated_at` of each id, from the index alone. */
async function latestUpdates(db: DevinDatabase, ids: readonly string[]): Promise<number[]> {
  const stamps = await cachedStamps(db, ids);
  return stamps.map((list) => Math.max(0, ...list.map(updatedAtOfStamp)));
}
