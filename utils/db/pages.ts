/** Writing and deleting stored pages: each page is its three records, written together. */
import type { Session } from '../api';
import { toSearchText, toSessionRow } from './rows';
import type { PageDetails, PageRecord, PageTexts, SessionRow } from './schema';
import { stampOf } from './stamps';
import type { TableSource } from './summary';

/** The tables a page lives in; a transaction that writes pages takes all of them and `meta`. */
export const PAGE_TABLES = ['pages', 'pageTexts', 'pageDetails', 'meta'] as const;

/** A page's content before it is stored: rows and sessions in the same order. */
export interface PageContent {
  rows: SessionRow[];
  sessions: Session[];
  /** The search texts, when already known (compaction moves them as they are). */
  texts?: string[];
  /**
   * The rows' stamps, when already known: the sync works them out as a page arrives, while the
   * previous page is being written, rather than in the page's transaction.
   */
  stamps?: string[];
}

export function pageContent(sessions: Session[]): Required<PageContent> {
  const rows = sessions.map(toSessionRow);
  return {
    rows,
    sessions,
    texts: sessions.map((session) => toSearchText(session).text),
    stamps: rows.map(stampOf),
  };
}

/**
 * Stores one page (its rows, texts and sessions) under a new `seq`, or in place of page `seq`
 * (keeping its place in the order of writing), and returns the seq.
 */
export async function writePage(
  source: TableSource,
  orgId: string,
  content: PageContent,
  seq?: number,
): Promise<number> {
  const { rows, sessions } = content;
  const prKeys = new Set<string>();
  let oldest = Number.POSITIVE_INFINITY;
  for (const row of rows) {
    for (const key of row.pr_keys) prKeys.add(key);
    if (row.created_at < oldest) oldest = row.created_at;
  }
  const page: Omit<PageRecord, 'seq'> & { seq?: number } = {
    ...(seq === undefined ? {} : { seq }),
    org_id: orgId,
    stamps: content.stamps ?? rows.map(stampOf),
    pr_keys: [...prKeys],
    oldest,
    rows,
  };
  const stored = await source.table<typeof page, number>('pages').put(page);
  const texts: PageTexts = {
    seq: stored,
    ids: rows.map((row) => row.session_id),
    updated: rows.map((row) => row.updated_at),
    texts: content.texts ?? sessions.map((session) => toSearchText(session).text),
  };
  const details: PageDetails = { seq: stored, sessions };
  await Promise.all([
    source.table<PageTexts, number>('pageTexts').put(texts),
    source.table<PageDetails, number>('pageDetails').put(details),
  ]);
  return stored;
}

/** Stores sessions of one organization as a page (used by the database upgrade). */
export async function addPage(source: TableSource, sessions: Session[]): Promise<number | null> {
  const orgId = sessions[0]?.org_id;
  if (orgId === undefined) return null;
  return writePage(source, orgId, pageContent(sessions));
}

export async function deletePages(source: TableSource, seqs: readonly number[]): Promise<void> {
  if (seqs.length === 0) return;
  await Promise.all(
    ['pages', 'pageTexts', 'pageDetails'].map((name) =>
      source.table<unknown, number>(name).bulkDelete([...seqs]),
    ),
  );
}

/** A stored page read back whole, for rewriting it. */
export interface StoredPage {
  seq: number;
  orgId: string;
  content: Required<PageContent>;
}

export async function readStoredPages(
  source: TableSource,
  seqs: readonly number[],
): Promise<StoredPage[]> {
  const keys = [...seqs];
  const [pages, texts, details] = await Promise.all([
    source.table<PageRecord, number>('pages').bulkGet(keys),
    source.table<PageTexts, number>('pageTexts').bulkGet(keys),
    source.table<PageDetails, number>('pageDetails').bulkGet(keys),
  ]);
  const stored: StoredPage[] = [];
  keys.forEach((seq, i) => {
    const page = pages[i];
    if (!page) return;
    stored.push({
      seq,
      orgId: page.org_id,
      content: {
        rows: page.rows,
        sessions: details[i]?.sessions ?? [],
        texts: texts[i]?.texts ?? [],
        stamps: page.stamps,
      },
    });
  });
  return stored;
}

/** The entries of `content` at `indexes`, in that order. */
export function pickContent(
  content: Required<PageContent>,
  indexes: readonly number[],
): Required<PageContent> {
  const pick = <T>(items: T[]) => indexes.map((i) => items[i] as T);
  return {
    rows: pick(content.rows),
    sessions: pick(content.sessions),
    texts: pick(content.texts),
    stamps: pick(content.stamps),
  };
}

/**
 * Several fetched pages as one: each session once, its newest copy (the later page's on a tie,
 * as when the pages were stored one after another).
 */
export function mergeContents(contents: readonly Required<PageContent>[]): Required<PageContent> {
  if (contents.length === 1) return contents[0] as Required<PageContent>;
  const chosen = new Map<string, { content: Required<PageContent>; index: number }>();
  for (const content of contents) {
    content.rows.forEach((row, index) => {
      const kept = chosen.get(row.session_id);
      if (!kept || row.updated_at >= (kept.content.rows[kept.index] as SessionRow).updated_at) {
        chosen.set(row.session_id, { content, index });
      }
    });
  }
  const merged: Required<PageContent> = { rows: [], sessions: [], texts: [], stamps: [] };
  for (const { content, index } of chosen.values()) {
    merged.rows.push(content.rows[index] as SessionRow);
    merged.sessions.push(content.sessions[index] as Session);
    merged.texts.push(content.texts[index] as string);
    merged.stamps.push(content.stamps[index] as string);
  }
  return merged;
}
