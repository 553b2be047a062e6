/**
 * The list's first screen (the newest rows and the session count), read with plain IndexedDB:
 * a page paints it before Dexie, a third of the popup's script, has even loaded. Never creates
 * or upgrades the database: before the first sync there is simply no first screen.
 */

import { PREVIEW_KEY, SUMMARY_KEY } from './summary';
import type { CachePreview, CacheSummary, MetaRow, SessionRow } from './types';

export interface FirstScreen {
  rows: SessionRow[];
  sessions: number;
}

const prefetched = new Map<string, Promise<FirstScreen | null>>();

/** Starts reading the first screen at once; a page calls this before it renders anything. */
export function prefetchFirstScreen(databaseName: string): void {
  if (!prefetched.has(databaseName)) prefetched.set(databaseName, read(databaseName));
}

/** The first screen: the one prefetched, if any (taken once), or read now. */
export function readFirstScreen(databaseName: string): Promise<FirstScreen | null> {
  const early = prefetched.get(databaseName);
  prefetched.delete(databaseName);
  return early ?? read(databaseName);
}

function read(databaseName: string): Promise<FirstScreen | null> {
  return new Promise((resolve) => {
    const open = indexedDB.open(databaseName);
    // No database yet: abort, so that reading does not create one.
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = () => resolve(null);
    open.onblocked = () => resolve(null);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('meta')) {
        db.close();
        resolve(null);
        return;
      }
      const meta = db.transaction('meta', 'readonly').objectStore('meta');
      const preview = meta.get(PREVIEW_KEY) as IDBRequest<MetaRow | undefined>;
      const summary = meta.get(SUMMARY_KEY) as IDBRequest<MetaRow | undefined>;
      summary.onsuccess = () => {
        db.close();
        // No summary yet (a database still being upgraded, or never synced): no first screen.
        if (summary.result === undefined) {
          resolve(null);
          return;
        }
        resolve({
          rows: (preview.result?.value as CachePreview | undefined)?.rows ?? [],
          sessions: (summary.result?.value as CacheSummary | undefined)?.sessions ?? 0,
        });
      };
      summary.onerror = () => {
        db.close();
        resolve(null);
      };
    };
  });
}
