/** Which copies of a session are cached: read from the pages' stamp index. */
import { readPagesIndex } from './index-requests';
import type { DevinDatabase } from './schema';
import { stampRange } from './stamps';

/** For each id, the stamps of its cached copies: one index range read per id (see `cachedCopies`). */
export async function cachedStamps(db: DevinDatabase, ids: readonly string[]): Promise<string[][]> {
  return (await cachedCopies(db, ids)).map((copies) => copies.map((copy) => copy.stamp));
}

/** A cached copy of a session: its stamp and the page (`seq`) it is stored in. */
export interface CachedCopy {
  stamp: string;
  seq: number;
}

function rangeOf(id: string): IDBKeyRange {
  const [lower, upper] = stampRange(id);
  return IDBKeyRange.bound(lower, upper, false, true);
}

/** For each id, its cached copies, read with a key cursor over the id's stamps. */
export function cachedCopies(db: DevinDatabase, ids: readonly string[]): Promise<CachedCopy[][]> {
  return readPagesIndex<string, CachedCopy[]>(db, 'stamps', ids, (index, id, done, fail) => {
    const found: CachedCopy[] = [];
    const request = index.openKeyCursor(rangeOf(id));
    request.onerror = () => fail(request.error);
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) {
        done(found);
        return;
      }
      found.push({ stamp: cursor.key as string, seq: cursor.primaryKey as number });
      cursor.continue();
    };
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
  return readPagesIndex<string, string | null>(db, 'stamps', ids, (index, id, done, fail) => {
    const request = index.openKeyCursor(rangeOf(id), 'prev');
    request.onerror = () => fail(request.error);
    request.onsuccess = () => done((request.result?.key as string | undefined) ?? null);
  });
}
