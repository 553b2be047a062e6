/**
 * Compaction: drops superseded copies of sessions and merges small pages (each incremental sync
 * adds a few), so reads stay as fast as right after a backfill. Each group of pages is rewritten
 * in one transaction that writes the merged page before deleting the old ones, so a reader, or
 * a stop at any moment, sees every session at all times.
 */
import type { Session } from '../api';
import { PAGE_TABLES } from './page-layout';
import { deletePages, type PageContent, readStoredPages, splitContent, writePage } from './pages';
import type { DevinDatabase } from './schema';
import { cachedCopies } from './stamp-lookup';
import { updatedAtOfStamp } from './stamps';
import { readSummaryAndPreview, recountSummary, writeSummaryAndPreview } from './summary';
import type { CacheSummary, SessionRow } from './types';

/** Rows of a full page, as the sync fetches them. */
export const PAGE_ROWS = 200;

/** Should the cache be compacted? Superseded copies past a tenth, or many small pages. */
export function shouldCompact(summary: CacheSummary, pages: number): boolean {
  const stale = summary.copies - summary.sessions;
  if (stale > Math.max(PAGE_ROWS, summary.sessions * 0.1)) return true;
  return pages > 2 * Math.ceil(summary.sessions / PAGE_ROWS) + 16;
}

interface PagePlan {
  seq: number;
  orgId: string;
  size: number;
  live: number;
}

/** Where the latest copy of each session is, and how many live copies each page holds. */
async function planPages(db: DevinDatabase): Promise<PagePlan[]> {
  const winner = new Map<string, { updatedAt: number; seq: number }>();
  const plans: (PagePlan & { ids: string[] })[] = [];
  // Each page's organization, from the org_id index alone (the records hold every stamp).
  const orgOf = new Map<number, string>();
  await db.pages.orderBy('org_id').eachKey((orgId, cursor) => {
    orgOf.set(cursor.primaryKey as number, orgId as string);
  });
  await db.pageRows.each((page) => {
    for (const row of page.rows) {
      const kept = winner.get(row.session_id);
      if (!kept || row.updated_at >= kept.updatedAt) {
        winner.set(row.session_id, { updatedAt: row.updated_at, seq: page.seq });
      }
    }
    const ids = page.rows.map((row) => row.session_id);
    const orgId = orgOf.get(page.seq) ?? '';
    plans.push({ seq: page.seq, orgId, size: ids.length, live: 0, ids });
  });
  return plans.map(({ ids, ...plan }) => ({
    ...plan,
    live: ids.filter((id) => winner.get(id)?.seq === plan.seq).length,
  }));
}

/** Groups of pages of one organization to merge, each with about a full page of live rows. */
function groupsToRewrite(plans: readonly PagePlan[]): number[][] {
  const byOrg = new Map<string, PagePlan[]>();
  for (const plan of plans) {
    if (plan.live === plan.size && plan.size >= PAGE_ROWS / 2) continue;
    byOrg.set(plan.orgId, [...(byOrg.get(plan.orgId) ?? []), plan]);
  }
  const groups: number[][] = [];
  for (const candidates of byOrg.values()) {
    let group: PagePlan[] = [];
    let live = 0;
    const close = () => {
      const only = group[0];
      // A lone page without superseded copies has nothing to merge with.
      const useless = group.length === 1 && only !== undefined && only.live === only.size;
      if (group.length > 0 && !useless) groups.push(group.map((plan) => plan.seq));
      group = [];
      live = 0;
    };
    for (const plan of candidates) {
      group.push(plan);
      live += plan.live;
      if (live >= PAGE_ROWS) close();
    }
    close();
  }
  return groups;
}

/**
 * Rewrites the pages that hold superseded copies or few rows. `renew` runs inside each
 * transaction (the sync keeps its lease there). Returns how many pages were rewritten.
 */
export async function compactPages(
  db: DevinDatabase,
  renew: () => Promise<void> = async () => {},
): Promise<number> {
  const groups = groupsToRewrite(await planPages(db));
  let rewritten = 0;
  for (const seqs of groups) {
    await db.transaction('rw', [...PAGE_TABLES], async () => {
      await renew();
      const winners = new Map<string, { updatedAt: number; seq: number }>();
      const pages = await readStoredPages(db, seqs);
      // Within the group, the latest copies; copies elsewhere were superseded when planned,
      // and no sync writes while compaction holds the lease.
      const latestInGroup = new Map<string, { page: number; index: number }>();
      pages.forEach((page, p) => {
        page.content.rows.forEach((row, index) => {
          const kept = winners.get(row.session_id);
          if (!kept || row.updated_at >= kept.updatedAt) {
            winners.set(row.session_id, { updatedAt: row.updated_at, seq: page.seq });
            latestInGroup.set(row.session_id, { page: p, index });
          }
        });
      });
      const live = await stillLatest(db, winners);
      const orgId = pages[0]?.orgId;
      const merged: Required<PageContent> = { rows: [], sessions: [], texts: [], stamps: [] };
      for (const [id, at] of latestInGroup) {
        const content = pages[at.page]?.content;
        if (!live.has(id) || !content) continue;
        merged.rows.push(content.rows[at.index] as SessionRow);
        merged.sessions.push(content.sessions[at.index] as Session);
        merged.texts.push(content.texts[at.index] ?? '');
        merged.stamps.push(content.stamps[at.index] as string);
      }
      const pieces = splitContent(merged, PAGE_ROWS);
      for (const piece of pieces) await writePage(db, orgId as string, piece);
      const written = pieces.length;
      await deletePages(db, seqs);
      // The counts follow each group, so a compaction cut short leaves them right; the
      // recount at the end settles the rest (the running sessions, the preview).
      const copiesBefore = pages.reduce((sum, page) => sum + page.content.rows.length, 0);
      const { summary, preview } = await readSummaryAndPreview(db);
      await writeSummaryAndPreview(
        db,
        {
          ...summary,
          copies: summary.copies - copiesBefore + merged.rows.length,
          ...(summary.pages === undefined ? {} : { pages: summary.pages - seqs.length + written }),
        },
        preview,
      );
    });
    rewritten += seqs.length;
  }
  if (groups.length > 0) await db.transaction('rw', [...PAGE_TABLES], () => recountSummary(db));
  return rewritten;
}

/**
 * The ids whose copy in the group is their latest anywhere: no copy, in this group or another
 * page, has a newer `updated_at`, or the same one in a later page.
 */
async function stillLatest(
  db: DevinDatabase,
  inGroup: ReadonlyMap<string, { updatedAt: number; seq: number }>,
): Promise<Set<string>> {
  const ids = [...inGroup.keys()];
  const copies = await cachedCopies(db, ids);
  const live = new Set<string>();
  ids.forEach((id, i) => {
    const mine = inGroup.get(id);
    if (!mine) return;
    const newer = (copies[i] ?? []).some(({ stamp, seq }) => {
      const updatedAt = updatedAtOfStamp(stamp);
      return updatedAt > mine.updatedAt || (updatedAt === mine.updatedAt && seq > mine.seq);
    });
    if (!newer) live.add(id);
  });
  return live;
}
