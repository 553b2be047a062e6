/**
 * Writes to the session cache. Callers wrap these in one transaction with their checkpoint
 * (see utils/sync), so the cache is never left half-written.
 */
import type { Session } from '../api';
import {
  cachedStamps,
  deletePages,
  PAGE_TABLES,
  pageContent,
  pickContent,
  readStoredPages,
  writePage,
} from './pages';
import type { DevinDatabase } from './schema';
import { stampOf, updatedAtOfStamp } from './stamps';
import {
  isRunning,
  mergePreview,
  readSummaryAndPreview,
  recountSummary,
  type TableSource,
  writeSummaryAndPreview,
} from './summary';

export { PAGE_TABLES };

export interface StoreOptions {
  /**
   * Look up which of these sessions are cached already: identical copies are then not written
   * again, older ones never replace newer ones, and the counts stay exact. A backfill skips
   * the lookup (its organization starts empty) and passes the ids of its previous page instead,
   * which is where a page shifted by new sessions repeats some.
   */
  checkCached: boolean;
  seenBefore?: ReadonlySet<string>;
}

/**
 * Stores one organization's sessions (a fetched page) as a page of the cache, keeping the
 * summary and preview current. Returns how many sessions were written.
 */
export async function storeSessions(
  source: TableSource,
  orgId: string,
  sessions: Session[],
  options: StoreOptions,
): Promise<number> {
  const content = pageContent(sessions);
  const { rows } = content;
  // A page that repeats a session (pages shifted while read) keeps its last copy.
  const lastIndex = new Map<string, number>();
  rows.forEach((row, i) => {
    lastIndex.set(row.session_id, i);
  });
  const cached = options.checkCached
    ? await cachedStamps(
        source,
        rows.map((row) => row.session_id),
      )
    : null;
  const keep: number[] = [];
  let added = 0;
  rows.forEach((row, i) => {
    if (lastIndex.get(row.session_id) !== i) return;
    const stamps = cached?.[i];
    if (stamps) {
      const stamp = stampOf(row);
      if (stamps.includes(stamp)) return;
      if (stamps.some((s) => updatedAtOfStamp(s) > row.updated_at)) return;
      if (stamps.length === 0) added++;
    } else if (!options.seenBefore?.has(row.session_id)) {
      added++;
    }
    keep.push(i);
  });
  if (keep.length === 0) return 0;

  const kept = pickContent({ ...content, texts: [] }, keep);
  await writePage(source, orgId, { rows: kept.rows, sessions: kept.sessions });
  const { summary, preview } = await readSummaryAndPreview(source);
  const running = new Set(summary.running);
  for (const row of kept.rows) {
    if (isRunning(row)) running.add(row.session_id);
    else running.delete(row.session_id);
  }
  await writeSummaryAndPreview(
    source,
    {
      sessions: summary.sessions + added,
      copies: summary.copies + kept.rows.length,
      running: [...running],
      version: summary.version + 1,
    },
    mergePreview(preview, kept.rows),
  );
  return kept.rows.length;
}

/** Removes every cached session and sync state of organizations not in `keepOrgIds`. */
export async function removeOtherOrganizations(
  db: DevinDatabase,
  keepOrgIds: readonly string[],
): Promise<number> {
  const keep = new Set(keepOrgIds);
  // Every sync calls this; usually nothing is to be removed, so look before taking a write lock.
  // Walking the org index's distinct keys reads no page.
  const cachedOrgs = (await db.pages.orderBy('org_id').uniqueKeys()) as string[];
  const staleStates = await db.syncState.filter((state) => !keep.has(state.org_id)).primaryKeys();
  const removed = cachedOrgs.filter((orgId) => !keep.has(orgId));
  if (removed.length === 0 && staleStates.length === 0) return 0;
  return db.transaction('rw', [...PAGE_TABLES, 'syncState'], async () => {
    const seqs =
      removed.length === 0 ? [] : await db.pages.where('org_id').anyOf(removed).primaryKeys();
    const before = (await readSummaryAndPreview(db)).summary.sessions;
    await deletePages(db, seqs);
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
  // Usually no page holds such a session: one index read says so.
  if ((await db.pages.where('oldest').below(cutoff).count()) === 0) return 0;
  return db.transaction('rw', [...PAGE_TABLES], async () => {
    const seqs = await db.pages.where('oldest').below(cutoff).primaryKeys();
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

/** Empties the cache and all sync progress; the directory too when `includeDirectory`. */
export async function clearCache(db: DevinDatabase, includeDirectory = true): Promise<void> {
  const tables = [
    ...PAGE_TABLES,
    'syncState',
    ...(includeDirectory ? ['organizations', 'members'] : []),
  ];
  await db.transaction('rw', tables, async () => {
    await Promise.all(
      tables.filter((name) => name !== 'meta').map((name) => db.table(name).clear()),
    );
    await recountSummary(db);
  });
}
