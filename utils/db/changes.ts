/**
 * Reading Dexie's change reports (`storagemutated`: the keys written, by table and index). Pages
 * are written with plain IndexedDB requests, which Dexie does not report; every change to them
 * also writes the cache summary, which it does. A report touching the summary's key, or a page
 * table (Dexie deletes and clears pages), is a change of the cached sessions.
 */
import { RangeSet } from 'dexie';
import { PAGE_TABLES } from './page-layout';
import { SUMMARY_KEY } from './summary';

const PAGE_TABLE_NAMES: readonly string[] = PAGE_TABLES.filter((name) => name !== 'meta');

/** Whether a report (parts like `idb://devin-sessions/meta/` -> their keys) for `dbName`. */
export function cacheChanged(parts: Record<string, unknown>, dbName: string): boolean {
  const prefix = `idb://${dbName}/`;
  return Object.entries(parts).some(([part, keys]) => {
    if (!part.startsWith(prefix)) return false;
    const [table = '', index = ''] = part.slice(prefix.length).split('/');
    if (PAGE_TABLE_NAMES.includes(table)) return true;
    // The primary keys of `meta` (not its deletions: the summary is never deleted).
    if (table !== 'meta' || index !== '') return false;
    // Reports from other contexts arrive as plain trees; RangeSet() takes them as they are.
    return RangeSet(keys as RangeSet).hasKey(SUMMARY_KEY);
  });
}
