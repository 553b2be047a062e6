/**
 * The cache summary (counts and the running sessions, for the badge and the options page) and
 * the preview (the newest rows, for the list's first screen). Both are kept current page by page
 * and counted again from the pages after removals and compaction.
 *
 * Every change to the pages writes the summary, with Dexie, in the same transaction, and moves
 * its `version`: observers of the cache (the list, the PR lookup, Insights, the badge) follow
 * the summary, as Dexie does not report the pages' own writes (see `putPageRecords`).
 */
import type { Table } from 'dexie';
import type { CachePreview, CacheSummary, MetaRow, PageRows, SessionRow } from './types';

export const SUMMARY_KEY = 'cacheSummary';
export const PREVIEW_KEY = 'cachePreview';
const PREVIEW_SIZE = 150;

const EMPTY_SUMMARY: CacheSummary = {
  sessions: 0,
  copies: 0,
  running: [],
  version: 0,
  pages: 0,
};

/** A database or a transaction: both hand out tables by name. */
export interface TableSource {
  table<T = unknown, K = unknown>(name: string): Table<T, K>;
}

export function isRunning(row: SessionRow): boolean {
  return row.status === 'running';
}

/** Newest update first, then the id: the list's default order. */
function newestFirst(a: SessionRow, b: SessionRow): number {
  if (a.updated_at !== b.updated_at) return b.updated_at - a.updated_at;
  return a.session_id < b.session_id ? -1 : a.session_id > b.session_id ? 1 : 0;
}

/** The newest `PREVIEW_SIZE` rows of both lists, one copy per session (the later given wins). */
export function mergePreview(
  current: readonly SessionRow[],
  added: readonly SessionRow[],
): SessionRow[] {
  const byId = new Map<string, SessionRow>();
  for (const row of [...current, ...added]) {
    const kept = byId.get(row.session_id);
    if (!kept || row.updated_at >= kept.updated_at) byId.set(row.session_id, row);
  }
  return [...byId.values()].sort(newestFirst).slice(0, PREVIEW_SIZE);
}

/** The summary alone (the badge and the options page need no preview). */
export async function readSummary(source: TableSource): Promise<CacheSummary> {
  const row = await source.table<MetaRow, string>('meta').get(SUMMARY_KEY);
  return (row?.value as CacheSummary | undefined) ?? EMPTY_SUMMARY;
}

export async function readSummaryAndPreview(
  source: TableSource,
): Promise<{ summary: CacheSummary; preview: SessionRow[] }> {
  const [summary, preview] = await source
    .table<MetaRow, string>('meta')
    .bulkGet([SUMMARY_KEY, PREVIEW_KEY]);
  return {
    summary: (summary?.value as CacheSummary | undefined) ?? EMPTY_SUMMARY,
    preview: (preview?.value as CachePreview | undefined)?.rows ?? [],
  };
}

export async function writeSummaryAndPreview(
  source: TableSource,
  summary: CacheSummary,
  preview: readonly SessionRow[],
): Promise<void> {
  await source.table<MetaRow, string>('meta').bulkPut([
    { key: SUMMARY_KEY, value: summary },
    { key: PREVIEW_KEY, value: { rows: [...preview] } satisfies CachePreview },
  ]);
}

/**
 * Counts the summary and the preview again from every page, one page in memory at a time
 * (plus a small entry per session).
 */
export async function recountSummary(source: TableSource): Promise<CacheSummary> {
  const { summary: previous } = await readSummaryAndPreview(source);
  const latest = new Map<string, { updatedAt: number; running: boolean }>();
  let copies = 0;
  let pages = 0;
  let preview: SessionRow[] = [];
  await source.table<PageRows, number>('pageRows').each((page) => {
    pages++;
    copies += page.rows.length;
    for (const row of page.rows) {
      const kept = latest.get(row.session_id);
      if (!kept || row.updated_at >= kept.updatedAt) {
        latest.set(row.session_id, { updatedAt: row.updated_at, running: isRunning(row) });
      }
    }
    preview = mergePreview(preview, page.rows);
  });
  const running: string[] = [];
  for (const [id, entry] of latest) if (entry.running) running.push(id);
  const summary: CacheSummary = {
    sessions: latest.size,
    copies,
    running,
    version: previous.version + 1,
    pages,
  };
  await writeSummaryAndPreview(source, summary, preview);
  return summary;
}
