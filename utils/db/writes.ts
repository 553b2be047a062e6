/**
 * Writes to the session cache. Callers wrap these in one transaction with their checkpoint
 * (see utils/sync), so the cache is never left half-written.
 */
import type { Session } from '../api';
import { PAGE_TABLES } from './page-layout';
import { hasPagesOutside } from './page-orgs';
import { PageWriter, type StoreOptions } from './page-writer';
import { deletePages, pageContent, pickContent, readStoredPages, writePage } from './pages';
import type { DevinDatabase } from './schema';
import { readSummaryAndPreview, recountSummary } from './summary';

export { PAGE_TABLES };

/**
 * Stores one organization's sessions (a fetched page) as a page of the cache, keeping the
 * summary and preview current; call inside a transaction over `PAGE_TABLES`. A sync pass uses
 * one PageWriter for all its pages instead. Returns how many sessions were written.
 */
export async function storeSessions(
  db: DevinDatabase,
  orgId: string,
  sessions: Session[],
  options: StoreOptions,
): Promise<number> {
  const writer = await PageWriter.open(db);
  return writer.store(orgId, pageContent(sessions), options);
}

/**
 * Removes every cached session and sync state of organizations not in `keepOrgIds`, and the
 * saved Insights result when sessions go.
 */
export async function removeOtherOrganizations(
  db: DevinDatabase,
  keepOrgIds: readonly string[],
): Promise<number> {
  const keep = new Set(keepOrgIds);
  // Every sync calls this; usually nothing is to be removed, so look before taking a write lock.
  // Counting the org index's entries outside the kept ids reads no page.
  const otherPages = await hasPagesOutside(db, keepOrgIds);
  const staleStates = await db.syncState.filter((state) => !keep.has(state.org_id)).primaryKeys();
  if (!otherPages && staleStates.length === 0) return 0;
  return db.transaction('rw', [...PAGE_TABLES, 'syncState', 'savedInsights'], async () => {
    const seqs = otherPages
      ? await db.pages
          .where('org_id')
          .noneOf([...keepOrgIds])
          .primaryKeys()
      : [];
    const before = (await readSummaryAndPreview(db)).summary.sessions;
    await deletePages(db, seqs);
    // The Insights result kept for the page's next opening may name their sessions.
    if (seqs.length > 0) await db.savedInsights.clear();
    await db.syncState.bulkDelete(staleStates);
    const after = await recountSummary(db);
    return before - after.sessions;
  });
}

/** Removes sessions created before `cutoff` (epoch ms): the history window moved past them. */
export async function removeSessionsCreatedBefore(
  db: DevinDatabase,
  cutoff: number,
): Promise<number> {
  return db.transaction('rw', [...PAGE_TABLES], async () => {
    const seqs = await db.pages.where('oldest').below(cutoff).primaryKeys();
    if (seqs.length === 0) return 0;
    const before = (await readSummaryAndPreview(db)).summary.sessions;
    for (const page of await readStoredPages(db, seqs)) {
      const { rows } = page.content;
      const young = rows.flatMap((row, i) => (row.created_at >= cutoff ? [i] : []));
      if (young.length > 0)
        await writePage(db, page.orgId, pickContent(page.content, young), page.seq);
      else await deletePages(db, [page.seq]);
    }
    const after = await recountSummary(db);
    return before - after.sessions;
  });
}

/**
 * Empties the cache (the first messages, conversations and Insights result kept beside it
 * included) and all sync progress; the directory too when `includeDirectory`.
 */
export async function clearCache(db: DevinDatabase, includeDirectory = true): Promise<void> {
  const tables = [
    ...PAGE_TABLES,
    'syncState',
    'firstPrompts',
    'conversations',
    'conversationMessages',
    'consumption',
    'savedInsights',
    ...(includeDirectory ? ['organizations', 'members'] : []),
  ];
  await db.transaction('rw', tables, async () => {
    await Promise.all(
      tables.filter((name) => name !== 'meta').map((name) => db.table(name).clear()),
    );
    await recountSummary(db);
  });
}
