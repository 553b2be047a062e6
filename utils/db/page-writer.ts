/**
 * Stores the pages of one sync pass. The pass holds the sync lease, so no one else writes pages
 * meanwhile: the writer keeps the next page number, the cache summary and the preview in memory
 * and issues every request of a page at once, so a page costs one round trip to the database
 * and its commit, however many records it writes.
 */
import { PAGE_ROWS, shouldCompact } from './compact';
import {
  type PageContent,
  type PageRecords,
  pageRecords,
  pickContent,
  putPageRecords,
  splitContent,
} from './pages';
import type { DevinDatabase } from './schema';
import { newestCachedStamps } from './stamp-lookup';
import { updatedAtOfStamp } from './stamps';
import {
  isRunning,
  mergePreview,
  PREVIEW_KEY,
  readSummaryAndPreview,
  SUMMARY_KEY,
} from './summary';
import type { CacheSummary, SessionRow } from './types';

export interface StoreOptions {
  /**
   * Look up which of these sessions are cached already: identical copies are then not written
   * again, older ones never replace newer ones, and the counts stay exact. A backfill skips
   * the lookup (its organization starts empty) and passes the ids of its previous page instead,
   * which is where a page shifted by new sessions repeats some.
   */
  checkCached: boolean;
  seenBefore?: ReadonlySet<string>;
  /** Stamps known to be cached (id -> stamp): a copy with that stamp is skipped unlooked-up. */
  known?: ReadonlyMap<string, string>;
}

export interface WriterStart {
  lastSeq: number;
  pages: number;
  summary: CacheSummary;
  preview: SessionRow[];
}

/** What a writer starts from; read inside the caller's transaction when there is one. */
export async function readWriterStart(db: DevinDatabase): Promise<WriterStart> {
  return db.transaction('r', ['pages', 'meta'], async () => {
    const [last, { summary, preview }] = await Promise.all([
      db.pages.orderBy(':id').lastKey(),
      readSummaryAndPreview(db),
    ]);
    const pages = summary.pages ?? (await db.pages.count());
    return { lastSeq: (last as number | undefined) ?? 0, pages, summary, preview };
  });
}

function samePreview(a: readonly SessionRow[], b: readonly SessionRow[]): boolean {
  return a.length === b.length && a.every((row, i) => row === b[i]);
}

export class PageWriter {
  /** `lastSeq`, `summary` and `preview` as stored (see `readWriterStart`). */
  constructor(
    private readonly db: DevinDatabase,
    start: WriterStart,
  ) {
    this.nextSeq = start.lastSeq + 1;
    this.pages = start.pages;
    this.summary = start.summary;
    this.preview = start.preview;
  }

  private nextSeq: number;
  private pages: number;
  private summary: CacheSummary;
  private preview: SessionRow[];

  static async open(db: DevinDatabase): Promise<PageWriter> {
    return new PageWriter(db, await readWriterStart(db));
  }

  /** Whether the cache, as this writer left it, is due for compaction (see compact.ts). */
  needsCompaction(): boolean {
    return shouldCompact(this.summary, this.pages);
  }

  /**
   * Stores one organization's sessions (a fetched page) as a page, keeping the summary and the
   * preview current. Runs inside the caller's transaction over `PAGE_TABLES`. Returns how many
   * sessions were written.
   */
  store(orgId: string, content: Required<PageContent>, options: StoreOptions): Promise<number> {
    return this.storeAll([{ orgId, content, options }]);
  }

  /**
   * Stores the batches of several organizations at once: one lookup of cached copies for all
   * of them, then every record, the summary and the preview in one go. Each request to the
   * database is a round trip to the browser; a run's last batches are stored this way, as
   * soon as its last page is in.
   */
  async storeAll(batches: readonly StoreBatch[]): Promise<number> {
    const { db } = this;
    const plans = batches.map(planBatch);
    const lookups = batches.flatMap((batch, b) =>
      batch.options.checkCached ? (plans[b] as BatchPlan).unknownIds : [],
    );
    const looked = lookups.length > 0 ? await newestCachedStamps(db, lookups) : [];
    let offset = 0;
    const records: PageRecords[] = [];
    const keptRows: SessionRow[] = [];
    let added = 0;
    batches.forEach((batch, b) => {
      const plan = plans[b] as BatchPlan;
      let ofBatch: (string | null)[] | null = null;
      if (batch.options.checkCached) {
        ofBatch = looked.slice(offset, offset + plan.unknownIds.length);
        offset += plan.unknownIds.length;
      }
      const chosen = chooseRows(batch, plan, ofBatch);
      added += chosen.added;
      const { content } = batch;
      const kept =
        chosen.keep.length === content.rows.length ? content : pickContent(content, chosen.keep);
      keptRows.push(...kept.rows);
      // Several fetched pages stored at once (an incremental pass) become pages of PAGE_ROWS,
      // so reading one session never means reading thousands.
      for (const piece of splitContent(kept, PAGE_ROWS)) {
        records.push(pageRecords(this.nextSeq + records.length, batch.orgId, piece));
      }
    });
    if (records.length === 0) return 0;

    const running = new Set(this.summary.running);
    for (const row of keptRows) {
      if (isRunning(row)) running.add(row.session_id);
      else running.delete(row.session_id);
    }
    const summary: CacheSummary = {
      sessions: this.summary.sessions + added,
      copies: this.summary.copies + keptRows.length,
      running: [...running],
      version: this.summary.version + 1,
      pages: this.pages + records.length,
    };
    const preview = mergePreview(this.preview, keptRows);
    const previewChanged = !samePreview(preview, this.preview);

    // Taken before the writes complete: the next page may be written behind this one before
    // it commits. If this one fails, the pass stops and the writer is dropped with it.
    this.nextSeq += records.length;
    this.summary = summary;
    this.pages += records.length;
    this.preview = preview;
    await Promise.all([
      putPageRecords(db, records),
      db.meta.put({ key: SUMMARY_KEY, value: summary }),
      previewChanged ? db.meta.put({ key: PREVIEW_KEY, value: { rows: preview } }) : null,
    ]);
    return keptRows.length;
  }
}

/** One organization's sessions to store (a fetched page, or several merged), and how. */
export interface StoreBatch {
  orgId: string;
  content: Required<PageContent>;
  options: StoreOptions;
}

interface BatchPlan {
  /** The index of each session's last row: a page that repeats a session keeps its last copy. */
  lastIndex: Map<string, number>;
  /** Rows whose cached copy is not known already, and their ids (to look up). */
  unknown: number[];
  unknownIds: string[];
}

function planBatch({ content, options }: StoreBatch): BatchPlan {
  const { rows, stamps } = content;
  const lastIndex = new Map<string, number>();
  rows.forEach((row, i) => {
    lastIndex.set(row.session_id, i);
  });
  const unknown = rows.flatMap((row, i) =>
    options.known?.get(row.session_id) === stamps[i] ? [] : [i],
  );
  return {
    lastIndex,
    unknown,
    unknownIds: unknown.map((i) => (rows[i] as SessionRow).session_id),
  };
}

/**
 * The rows of a batch to write (their indexes), and how many of them are sessions new to the
 * cache. `looked` holds the newest cached stamp of each unknown row, when looked up.
 */
function chooseRows(
  { content, options }: StoreBatch,
  plan: BatchPlan,
  looked: readonly (string | null)[] | null,
): { keep: number[]; added: number } {
  // The newest cached copy of each row looked up (null: not cached yet).
  const cached = new Map<number, string | null>();
  if (looked) {
    plan.unknown.forEach((rowIndex, k) => {
      cached.set(rowIndex, looked[k] ?? null);
    });
  }
  const keep: number[] = [];
  let added = 0;
  content.rows.forEach((row, i) => {
    if (plan.lastIndex.get(row.session_id) !== i) return;
    const stamp = content.stamps[i] as string;
    if (options.known?.get(row.session_id) === stamp) return;
    const newest = cached.get(i);
    if (newest !== undefined) {
      if (newest === stamp) return;
      if (newest !== null && updatedAtOfStamp(newest) > row.updated_at) return;
      if (newest === null) added++;
    } else if (!options.seenBefore?.has(row.session_id)) {
      added++;
    }
    keep.push(i);
  });
  return { keep, added };
}
