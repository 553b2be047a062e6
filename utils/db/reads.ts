/**
 * Reading the cache. A session may be stored more than once (a newer copy written with a later
 * page, the older one not yet compacted away); every read here answers with its latest copy:
 * the newest `updated_at`, and of equal ones the later page.
 */
import type { Session } from '../api';
import { toEpochMs } from '../api/time';
import { type CutLengths, joinLongTexts } from './long-texts';
import {
  type LongTextsKey,
  readPageSessions,
  readSessionCopy,
  readWholeCopy,
  type StoredCopy,
} from './page-layout';
import { compactRows } from './row-memory';
import type { DevinDatabase } from './schema';
import { type CachedCopy, cachedCopies } from './stamp-lookup';
import { updatedAtOfStamp } from './stamps';
import { readSummary } from './summary';
import type { CacheSummary, PageRows, PageTexts, SessionDetail, SessionRow } from './types';

/** Every cached session's row, and the page (`seq`) its latest copy is stored in. */
export interface LocatedRows {
  rows: SessionRow[];
  seqOf: Map<string, number>;
}

/** The latest row of each session in `pages` (given in `seq` order, as tables return them). */
function latestRows(pages: readonly PageRows[]): LocatedRows {
  const byId = new Map<string, SessionRow>();
  const seqOf = new Map<string, number>();
  for (const page of pages) {
    for (const row of page.rows) {
      const kept = byId.get(row.session_id);
      if (kept === undefined || row.updated_at >= kept.updated_at) {
        byId.set(row.session_id, row);
        seqOf.set(row.session_id, page.seq);
      }
    }
  }
  return { rows: [...byId.values()], seqOf };
}

export async function readLocatedRows(db: DevinDatabase): Promise<LocatedRows> {
  return latestRows(await db.pageRows.toArray());
}

/** Every cached session's row, in a compact form (see row-memory.ts): a page keeps them all. */
export async function readSessionRows(db: DevinDatabase): Promise<SessionRow[]> {
  return compactRows((await readLocatedRows(db)).rows);
}

/** The pages holding a copy of each id (one index range read per id, all at once). */
async function pagesHolding(db: DevinDatabase, ids: readonly string[]): Promise<number[]> {
  const copies = await cachedCopies(db, ids);
  return [...new Set(copies.flat().map((copy) => copy.seq))].sort((a, b) => a - b);
}

function isNewer(candidate: Session, kept: Session | undefined): boolean {
  return kept === undefined || toEpochMs(candidate.updated_at) >= toEpochMs(kept.updated_at);
}

/** The latest copy of each wanted session among these pages' details. */
async function latestSessionsIn(
  db: DevinDatabase,
  seqs: readonly number[],
  wanted: ReadonlySet<string>,
): Promise<Map<string, Session>> {
  const found = new Map<string, Session>();
  const sorted = [...seqs].sort((a, b) => a - b);
  // One transaction: the pages as they are at one moment.
  const pages = await db.transaction('r', db.pageSessions, () =>
    Promise.all(sorted.map((seq) => readPageSessions(db, seq))),
  );
  for (const sessions of pages) {
    for (const session of sessions) {
      if (wanted.has(session.session_id) && isNewer(session, found.get(session.session_id))) {
        found.set(session.session_id, session);
      }
    }
  }
  return found;
}

/**
 * One session as stored, its long texts cut to their previews (long-texts.ts), or undefined
 * when it is not cached: what the detail view opens with.
 */
export async function readStoredSession(
  db: DevinDatabase,
  id: string,
): Promise<StoredCopy | undefined> {
  const [copies = []] = await cachedCopies(db, [id]);
  const latest = latestCopy(copies);
  if (latest === undefined) return undefined;
  // A fifth of one page rather than every page holding a copy: opening a session reads and
  // allocates that much less on the page's main thread.
  const stored = await db.transaction('r', db.pages, db.pageSessions, () =>
    readSessionCopy(db, latest.seq, latest.stamp, id),
  );
  if (stored !== undefined) return stored;
  // Pages stored before parts had their present size; their sessions were stored whole.
  const seqs = [...new Set(copies.map((copy) => copy.seq))];
  const session = (await latestSessionsIn(db, seqs, new Set([id]))).get(id);
  return session && { session, cut: null, key: null };
}

/** One session, its long texts cut to their previews, or undefined when it is not cached. */
export async function readSession(db: DevinDatabase, id: string): Promise<Session | undefined> {
  return (await readStoredSession(db, id))?.session;
}

/** One session as the API sent it, its long texts whole, or undefined when it is not cached. */
export async function readWholeSession(
  db: DevinDatabase,
  id: string,
): Promise<Session | undefined> {
  return db.transaction('r', db.pages, db.pageSessions, db.longTexts, async () => {
    const stored = await readStoredSession(db, id);
    return stored && readWholeCopy(db, stored);
  });
}

/** The copy reads answer with: the newest `updated_at`, and of equal ones the later page. */
function latestCopy(copies: readonly CachedCopy[]): CachedCopy | undefined {
  let latest: CachedCopy | undefined;
  let latestAt = Number.NEGATIVE_INFINITY;
  for (const copy of copies) {
    const at = updatedAtOfStamp(copy.stamp);
    if (latest === undefined || at > latestAt || (at === latestAt && copy.seq > latest.seq)) {
      latest = copy;
      latestAt = at;
    }
  }
  return latest;
}

/**
 * Sessions by id, aligned with `ids`. `located` (from `readLocatedRows`) says which page holds
 * each latest copy, so only those pages are read; ids it does not know, or that have moved since
 * (compaction rewrites pages), are looked up.
 */
export async function readSessionsById(
  db: DevinDatabase,
  ids: readonly string[],
  located?: ReadonlyMap<string, number>,
): Promise<(SessionDetail | undefined)[]> {
  const seqs = new Set<number>();
  const unknown: string[] = [];
  for (const id of ids) {
    const seq = located?.get(id);
    if (seq === undefined) unknown.push(id);
    else seqs.add(seq);
  }
  for (const seq of await pagesHolding(db, unknown)) seqs.add(seq);
  const wanted = new Set(ids);
  const found = await latestSessionsIn(db, [...seqs], wanted);
  const moved = ids.filter((id) => !found.has(id));
  if (moved.length > 0) {
    const again = await latestSessionsIn(db, await pagesHolding(db, moved), new Set(moved));
    for (const [id, session] of again) found.set(id, session);
  }
  return ids.map((id) => {
    const session = found.get(id);
    return session ? { session_id: id, session } : undefined;
  });
}

/** Every cached session as the API sent it (for export), one copy each, its texts whole. */
export async function readAllSessions(db: DevinDatabase): Promise<Session[]> {
  const byId = new Map<
    string,
    { session: Session; cut: CutLengths | null; cutKey: LongTextsKey | null }
  >();
  // One transaction: the long texts read after the walk are those of the copies it chose.
  return db.transaction('r', db.pageSessions, db.longTexts, async () => {
    await db.pageSessions.each((part, cursor) => {
      const [seq, p] = cursor.primaryKey as [number, number];
      part.sessions.forEach((session, index) => {
        if (!isNewer(session, byId.get(session.session_id)?.session)) return;
        const cut = part.cut?.[index] ?? null;
        byId.set(session.session_id, { session, cut, cutKey: cut ? [seq, p, index] : null });
      });
    });
    const chosen = [...byId.values()];
    const cut = chosen.filter((entry) => entry.cutKey !== null);
    const whole = await db.longTexts.bulkGet(cut.map((entry) => entry.cutKey as LongTextsKey));
    const joined = new Map(
      cut.map((entry, i) => [entry, joinLongTexts(entry.session, whole[i], entry.cut)]),
    );
    return chosen.map((entry) => joined.get(entry) ?? entry.session);
  });
}

function addLatestTexts(
  texts: Map<string, string>,
  stamps: Map<string, number>,
  page: PageTexts,
  wanted?: ReadonlySet<string>,
): void {
  page.ids.forEach((id, i) => {
    if (wanted && !wanted.has(id)) return;
    const updated = page.updated[i] ?? 0;
    const kept = stamps.get(id);
    if (kept === undefined || updated >= kept) {
      stamps.set(id, updated);
      texts.set(id, page.texts[i] ?? '');
    }
  });
}

/**
 * Pages of search texts read at a time (about 200 texts each). At 200,000 sessions the texts
 * are tens of megabytes: read at once, taking them apart is one long task that freezes the
 * page that asked; in chunks, a keystroke is handled between two of them.
 */
const TEXT_PAGES_PER_READ = 25;

/** session_id -> search text of its latest copy, for every cached session. */
export async function readSearchTexts(db: DevinDatabase): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  const stamps = new Map<string, number>();
  // One transaction: every chunk sees the same cache, however a sync writes meanwhile.
  await db.transaction('r', db.pageSearch, async () => {
    const keys = await db.pageSearch.toCollection().primaryKeys();
    for (let at = 0; at < keys.length; at += TEXT_PAGES_PER_READ) {
      const pages = await db.pageSearch.bulkGet(keys.slice(at, at + TEXT_PAGES_PER_READ));
      for (const page of pages) if (page) addLatestTexts(texts, stamps, page);
    }
  });
  return texts;
}

/** The search texts of a few sessions (those that changed since the texts were read). */
export async function readSearchTextsOf(
  db: DevinDatabase,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  const stamps = new Map<string, number>();
  const wanted = new Set(ids);
  const pages = await db.pageSearch.bulkGet(await pagesHolding(db, ids));
  for (const page of pages) if (page) addLatestTexts(texts, stamps, page, wanted);
  return texts;
}

export async function readCacheSummary(db: DevinDatabase): Promise<CacheSummary> {
  return readSummary(db);
}

/**
 * How many cached sessions were created before `cutoff` (epoch ms): what a shorter history
 * window removes at the next sync (see `removeSessionsCreatedBefore`). Only the pages holding
 * such a session are read; a session's copies share its creation time, so each counts once.
 */
export async function countCreatedBefore(db: DevinDatabase, cutoff: number): Promise<number> {
  const seqs = await db.pages.where('oldest').below(cutoff).primaryKeys();
  const ids = new Set<string>();
  for (const page of await db.pageRows.bulkGet(seqs)) {
    for (const row of page?.rows ?? []) if (row.created_at < cutoff) ids.add(row.session_id);
  }
  return ids.size;
}
