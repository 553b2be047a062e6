/**
 * Writing, rewriting and deleting stored pages: each page is its index record, its rows, its
 * search texts and its full sessions in parts, always written together (see page-layout.ts).
 */

import type { Dexie, Transaction } from 'dexie';
import type { Session } from '../api';
import { cutLongTexts, type WholeTexts } from './long-texts';
import {
  type LongTextsKey,
  PAGE_TABLES,
  partsOf,
  readWholePageSessions,
  SESSIONS_PER_PART,
} from './page-layout';
import { toSearchText, toSessionRow } from './rows';
import { stampOf } from './stamps';
import type { TableSource } from './summary';
import type { PageRecord, PageRows, PageSessions, PageTexts, SessionRow } from './types';

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

/** The records of one page, ready to be written under `seq`. */
export interface PageRecords {
  page: PageRecord;
  rows: PageRows;
  texts: PageTexts;
  /** The parts of the full sessions, with their keys. */
  parts: { key: [number, number]; value: PageSessions }[];
  /** The whole long texts of the sessions (long-texts.ts), keyed `[seq, part, index]`. */
  longTexts: { key: LongTextsKey; value: WholeTexts }[];
}

/**
 * `keepWhole`: store the sessions as they are, their long texts in their pages (the upgrades
 * of versions before 13 run before the long texts' table exists; such pages are read whole).
 */
export function pageRecords(
  seq: number,
  orgId: string,
  content: PageContent,
  keepWhole = false,
): PageRecords {
  const { rows, sessions } = content;
  const prKeys = new Set<string>();
  let oldest = Number.POSITIVE_INFINITY;
  for (const row of rows) {
    for (const key of row.pr_keys) prKeys.add(key);
    if (row.created_at < oldest) oldest = row.created_at;
  }
  const parts: PageRecords['parts'] = [];
  const longTexts: PageRecords['longTexts'] = [];
  for (let start = 0; start < sessions.length; start += SESSIONS_PER_PART) {
    const part = parts.length;
    const value: PageSessions = { seq, sessions: [] };
    sessions.slice(start, start + SESSIONS_PER_PART).forEach((session, index) => {
      const stored = keepWhole ? { session, cut: null, whole: null } : cutLongTexts(session);
      value.sessions.push(stored.session);
      if (stored.cut === null || stored.whole === null) return;
      value.cut = { ...value.cut, [index]: stored.cut };
      longTexts.push({ key: [seq, part, index], value: stored.whole });
    });
    parts.push({ key: [seq, part], value });
  }
  return {
    page: {
      seq,
      org_id: orgId,
      stamps: content.stamps ?? rows.map(stampOf),
      pr_keys: [...prKeys],
      oldest,
    },
    rows: { seq, rows },
    texts: {
      seq,
      ids: rows.map((row) => row.session_id),
      updated: rows.map((row) => row.updated_at),
      texts: content.texts ?? sessions.map((session) => toSearchText(session).text),
    },
    parts,
    longTexts,
  };
}

/** A Dexie database (inside a transaction over `PAGE_TABLES`) or a Dexie transaction. */
export type PageSource = Dexie | Transaction;

/**
 * Stores pages with plain IndexedDB requests in the caller's transaction, all issued at once.
 * A sync writes thousands of records, and Dexie's bookkeeping per request (promises, and the
 * ranges of every index key it reports to observers) cost more than the writes. Observers are
 * told through the cache summary instead: every change to pages also writes the summary, with
 * Dexie, in the same transaction (see summary.ts).
 */
export function putPageRecords(source: PageSource, pages: readonly PageRecords[]): Promise<void> {
  const put = (transaction: IDBTransaction) =>
    new Promise<void>((resolve, reject) => {
      const stores = {
        pages: transaction.objectStore('pages'),
        rows: transaction.objectStore('pageRows'),
        texts: transaction.objectStore('pageSearch'),
        sessions: transaction.objectStore('pageSessions'),
      };
      // Opened only when a page has long texts: upgrades to versions before 13 have no such store.
      let longTextStore: IDBObjectStore | undefined;
      let pending = 0;
      const track = (request: IDBRequest) => {
        pending++;
        request.onsuccess = () => {
          if (--pending === 0) resolve();
        };
        request.onerror = () => reject(request.error);
      };
      try {
        for (const { page, rows, texts, parts, longTexts } of pages) {
          track(stores.pages.put(page));
          track(stores.rows.put(rows, page.seq));
          track(stores.texts.put(texts, page.seq));
          for (const { key, value } of parts) track(stores.sessions.put(value, key));
          for (const { key, value } of longTexts) {
            longTextStore ??= transaction.objectStore('longTexts');
            track(longTextStore.put(value, key));
          }
        }
      } catch (error) {
        // A value that cannot be stored (or no room) throws at once; the transaction then
        // rolls back with the caller's error.
        reject(error);
        return;
      }
      if (pending === 0) resolve();
    });
  if ('idbtrans' in source) return put(source.idbtrans);
  return source.transaction('rw', [...PAGE_TABLES], (scope) => put(scope.idbtrans));
}

/**
 * Stores one page (its rows, texts and sessions) under a new `seq`, or in place of page `seq`
 * (keeping its place in the order of writing), and returns the seq.
 */
export async function writePage(
  source: PageSource,
  orgId: string,
  content: PageContent,
  seq?: number,
): Promise<number> {
  const tables: TableSource = source;
  let stored = seq;
  if (stored === undefined) {
    const last = await tables.table<PageRecord, number>('pages').orderBy(':id').lastKey();
    stored = ((last as number | undefined) ?? 0) + 1;
  } else {
    // The page may have had more parts than it will have now.
    await deletePages(tables, [stored]);
  }
  await putPageRecords(source, [pageRecords(stored, orgId, content)]);
  return stored;
}

export async function deletePages(source: TableSource, seqs: readonly number[]): Promise<void> {
  if (seqs.length === 0) return;
  await Promise.all([
    ...['pages', 'pageRows', 'pageSearch'].map((name) =>
      source.table<unknown, number>(name).bulkDelete([...seqs]),
    ),
    ...['pageSessions', 'longTexts'].flatMap((name) =>
      seqs.map((seq) => {
        const [lower, upper] = partsOf(seq);
        return source.table(name).where(':id').between(lower, upper, true, true).delete();
      }),
    ),
  ]);
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
  const [pages, rows, texts, sessions] = await Promise.all([
    source.table<PageRecord, number>('pages').bulkGet(keys),
    source.table<PageRows, number>('pageRows').bulkGet(keys),
    source.table<PageTexts, number>('pageSearch').bulkGet(keys),
    Promise.all(keys.map((seq) => readWholePageSessions(source, seq))),
  ]);
  const stored: StoredPage[] = [];
  keys.forEach((seq, i) => {
    const page = pages[i];
    if (!page) return;
    stored.push({
      seq,
      orgId: page.org_id,
      content: {
        rows: rows[i]?.rows ?? [],
        sessions: sessions[i] ?? [],
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

/** The content in pieces of at most `size` rows, in order. */
export function splitContent(
  content: Required<PageContent>,
  size: number,
): Required<PageContent>[] {
  const pieces: Required<PageContent>[] = [];
  for (let start = 0; start < content.rows.length; start += size) {
    const end = start + size;
    pieces.push({
      rows: content.rows.slice(start, end),
      sessions: content.sessions.slice(start, end),
      texts: content.texts.slice(start, end),
      stamps: content.stamps.slice(start, end),
    });
  }
  return pieces;
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
