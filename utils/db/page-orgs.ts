/** Whether pages of other organizations are cached: read from the pages' `org_id` index. */
import type { DevinDatabase } from './schema';

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
 * Are pages of organizations other than these cached? One count per gap between the kept ids,
 * inside the caller's transaction (or a new one). Every sync asks, and the answer is nearly
 * always no: an empty range costs a seek, where walking the index (Dexie's `uniqueKeys()`, or
 * a `nextunique` cursor) took up to 10 ms at 50,000 sessions.
 */
export function hasPagesOutside(db: DevinDatabase, orgIds: readonly string[]): Promise<boolean> {
  return db.transaction('r', db.pages, (transaction) => {
    const index = transaction.idbtrans.objectStore('pages').index('org_id');
    return new Promise<boolean>((resolve, reject) => {
      const ranges = rangesOutside(orgIds);
      let pending = ranges.length;
      let found = false;
      for (const range of ranges) {
        const request = index.count(range);
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          if (request.result > 0) found = true;
          if (--pending === 0) resolve(found);
        };
      }
    });
  });
}
