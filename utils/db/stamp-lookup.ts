/** Which copies of a session are cached: read from the pages' stamp index. */
import type { DevinDatabase } from './schema';
import { stampRange } from './stamps';

/**
 * For each id, the stamps of its cached copies: one index range read per id, all issued at
 * once. The reads go to IndexedDB directly, inside the caller's transaction (or a new one):
 * an incremental sync looks up hundreds of ids, and Dexie's per-query bookkeeping would cost
 * more than the reads.
 */
export async function cachedStamps(db: DevinDatabase, ids: readonly string[]): Promise<string[][]> {
  return (await cachedCopies(db, ids)).map((copies) => copies.map((copy) => copy.stamp));
}

/** A cached copy of a session: its stamp and the page (`seq`) it is stored in. */
export interface CachedCopy {
  stamp: string;
  seq: number;
}

/** For each id, its cached copies (see `cachedStamps`). */
export function cachedCopies(db: DevinDatabase, ids: readonly string[]): Promise<CachedCopy[][]> {
  // Dexie hands the scope its transaction, so this module needs only Dexie's types: the popup
  // loads Dexie after its first screen, and must not import it through here.
  return db.transaction('r', db.pages, (transaction) => {
    const index = transaction.idbtrans.objectStore('pages').index('stamps');
    return new Promise<CachedCopy[][]>((resolve, reject) => {
      const found = ids.map(() => [] as CachedCopy[]);
      let pending = ids.length;
      if (pending === 0) resolve(found);
      ids.forEach((id, i) => {
        const [lower, upper] = stampRange(id);
        const request = index.openKeyCursor(IDBKeyRange.bound(lower, upper, false, true));
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const cursor = request.result;
          if (cursor) {
            found[i]?.push({ stamp: cursor.key as string, seq: cursor.primaryKey as number });
            cursor.continue();
          } else if (--pending === 0) {
            resolve(found);
          }
        };
      });
    });
  });
}

/**
 * For each id, the stamp of its newest cached copy (null when none is cached): one request per
 * id, a cursor read backwards that stops at its first key. Stamps of one session sort by
 * `updated_at` (13 digits for any date from 2001 to 2286), so the first key backwards is the
 * newest copy. This is all a writer needs to know (is it cached, is the cached copy newer or
 * the same), at half the requests of reading every copy.
 */
export function newestCachedStamps(
  db: DevinDatabase,
  ids: readonly string[],
): Promise<(string | null)[]> {
  return db.transaction('r', db.pages, (transaction) => {
    const index = transaction.idbtrans.objectStore('pages').index('stamps');
    return new Promise<(string | null)[]>((resolve, reject) => {
      const found: (string | null)[] = ids.map(() => null);
      let pending = ids.length;
      if (pending === 0) resolve(found);
      ids.forEach((id, i) => {
        const [lower, upper] = stampRange(id);
        const range = IDBKeyRange.bound(lower, upper, false, true);
        const request = index.openKeyCursor(range, 'prev');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          found[i] = (request.result?.key as string | undefined) ?? null;
          if (--pending === 0) resolve(found);
        };
      });
    });
  });
}
