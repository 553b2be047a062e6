/**
 * Reads of the `pages` indexes with plain IndexedDB requests, one per item and all issued at
 * once, inside the caller's transaction (or a new one). A sync asks about hundreds of ids at a
 * time, and Dexie's bookkeeping per query would cost more than the reads. Dexie hands the scope
 * its transaction, so this module needs only Dexie's types: the popup loads Dexie after its
 * first screen and must not import it through here.
 */
import type { DevinDatabase } from './schema';

/**
 * Starts `read` for each item on the `pages` index `indexName`; `read` calls `done` with the
 * item's result (after as many steps of a cursor as it needs) or `fail` with an error.
 * Resolves with the results in the items' order.
 */
export function readPagesIndex<T, R>(
  db: DevinDatabase,
  indexName: 'stamps' | 'org_id',
  items: readonly T[],
  read: (
    index: IDBIndex,
    item: T,
    done: (result: R) => void,
    fail: (error: unknown) => void,
  ) => void,
): Promise<R[]> {
  return db.transaction('r', db.pages, (transaction) => {
    const index = transaction.idbtrans.objectStore('pages').index(indexName);
    return new Promise<R[]>((resolve, reject) => {
      const results = new Array<R>(items.length);
      let pending = items.length;
      if (pending === 0) resolve(results);
      items.forEach((item, i) => {
        read(
          index,
          item,
          (result) => {
            results[i] = result;
            if (--pending === 0) resolve(results);
          },
          reject,
        );
      });
    });
  });
}
