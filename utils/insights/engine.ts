/**
 * Runs the Insights computation against the cache: reads every row, applies the page's filters
 * (the list's own matching code), aggregates, then reads the analysis details still missing and
 * aggregates again. It lives in a Web Worker (components/insights/insights.worker.ts) so none of
 * this touches the page's main thread; the page falls back to running it in place.
 *
 * Changes to the cache while the page is open (a sync writing page after page) mark the data
 * stale; the work is redone at most once per `minIntervalMs`.
 *
 * After each read, the rows are derived into a column store (columns.ts), reusing what was
 * derived for rows whose stored copy did not change; every query then aggregates over the
 * columns. The timings say apart what each data change costs (`readMs`, `prepareMs`) and what
 * each query costs (`filterMs`, `computeMs`).
 *
 * The first read takes seconds at 200,000 sessions: meanwhile, the result saved at the page's
 * last opening (saved.ts) stands in, and each complete result that settles is saved in turn.
 */

import { sumSessions } from '../budget/compute';
import type { BillingCycle } from '../budget/cycle';
import { costOfColumns } from '../cost/compute';
import { readLocatedRows, readSessionsById } from '../db/reads';
import type { DevinDatabase } from '../db/schema';
import type { SessionRow } from '../db/types';
import { isAnyDate, type SessionFilters } from '../filters/model';
import {
  SearchIndexLoader,
  type SearchTextSource,
  searchTextSource,
} from '../filters/search-index';
import { buildColumns, type SessionColumns } from './columns';
import { attachExtras } from './extra-columns';
import { type DetailsReader, ExtrasCache } from './extras';
import type { CycleSessions, InsightsMessage, InsightsResult } from './messages';
import {
  databaseSavedInsights,
  ResultKeeper,
  SAVE_AFTER_MS,
  type SavedInsightsStore,
} from './saved';
import { filteredRows, positionsOf, viewOfColumns } from './view';

export interface InsightsSource {
  rows(): Promise<SessionRow[]>;
  /**
   * Which stored copy (page) a row of the last read is: a row whose copy did not change keeps
   * what the column store derived for it. Without it, every read derives every row again.
   */
  copyOf?: (row: SessionRow) => number | undefined;
  details: DetailsReader;
  searchTexts: SearchTextSource;
  /** Where the last complete result is kept for the page's next opening; absent: nowhere. */
  saved?: SavedInsightsStore;
}

export function databaseSource(db: DevinDatabase): InsightsSource {
  // Where the latest copy of each row is stored, from the last full read: the details of a
  // chunk of rows are then read from their own pages only.
  let located: ReadonlyMap<string, number> | undefined;
  return {
    rows: async () => {
      const read = await readLocatedRows(db);
      located = read.seqOf;
      return read.rows;
    },
    copyOf: (row) => located?.get(row.session_id),
    details: (ids) => readSessionsById(db, ids, located),
    searchTexts: searchTextSource(db),
    saved: databaseSavedInsights(db),
  };
}

/** Fewer missing details than this are read before the first result is posted. */
const PARTIAL_AFTER = 500;

export interface EngineOptions {
  minIntervalMs?: number;
  /** Times the work: sub-millisecond by default, so short computations are not reported as 0 ms. */
  clock?: () => number;
  /** The date "last 7 days" counts back from (epoch ms); the timing clock is not a date. */
  now?: () => number;
  /** How long a complete result stays the latest before it is saved (saved.ts). */
  saveAfterMs?: number;
}

export class InsightsEngine {
  private filters: SessionFilters | null = null;
  private cycle: BillingCycle | null = null;
  private cycleSessions: { of: SessionRow[]; sessions: CycleSessions } | null = null;
  private rows: SessionRow[] | null = null;
  private columns: SessionColumns | null = null;
  private rowsStale = true;
  /**
   * Whether some cached row still lacks its extras (stored before rows kept their analysis
   * facts): only then does a query look for the rows whose details it must read.
   */
  private extrasMissing = true;
  private readonly extras: ExtrasCache;
  private readonly search: SearchIndexLoader;
  private readonly keeper: ResultKeeper;
  /** Whether a result computed here was posted: a saved one is no use after that. */
  private computedOne = false;
  private seq = 0;
  /** Changes with every query only: a new query abandons the work of the previous one. */
  private querySeq = 0;
  private queryPending = false;
  private running = false;
  private again = false;
  private lastRunAt = Number.NEGATIVE_INFINITY;
  private lastRunMs = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly minIntervalMs: number;
  private readonly clock: () => number;
  private readonly now: () => number;

  constructor(
    private readonly source: InsightsSource,
    private readonly post: (message: InsightsMessage) => void,
    options: EngineOptions = {},
  ) {
    this.extras = new ExtrasCache(source.details);
    this.search = new SearchIndexLoader(source.searchTexts);
    this.minIntervalMs = options.minIntervalMs ?? 1000;
    this.clock = options.clock ?? (() => performance.now());
    this.now = options.now ?? Date.now;
    this.keeper = new ResultKeeper(source.saved, options.saveAfterMs ?? SAVE_AFTER_MS, this.now);
  }

  /**
   * A new view: computed at once. `cycle`: the billing cycle whose sessions the budget sums
   * (`CycleSessions`), whatever the filters.
   */
  setQuery(filters: SessionFilters, cycle: BillingCycle | null = null): void {
    this.filters = filters;
    this.cycle = cycle;
    this.seq++;
    this.querySeq++;
    this.queryPending = true;
    this.schedule(true);
  }

  /** The cache changed: computed again, at most once per interval. */
  invalidate(): void {
    this.rowsStale = true;
    this.seq++;
    this.schedule(false);
  }

  dispose(): void {
    this.keeper.cancel();
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.filters = null;
  }

  private schedule(now: boolean): void {
    if (this.filters === null) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer !== null) {
      if (!now) return;
      clearTimeout(this.timer);
      this.timer = null;
    }
    // At 50,000 rows a run reads for a while: changes wait at least twice as long as a run
    // took, so a sync writing page after page is not slowed by a reader that never stops.
    const interval = Math.max(this.minIntervalMs, 2 * this.lastRunMs);
    const wait = now ? 0 : this.lastRunAt + interval - this.clock();
    if (wait <= 0) void this.run();
    else {
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.run();
      }, wait);
    }
  }

  private async run(): Promise<void> {
    const filters = this.filters;
    if (filters === null) return;
    this.running = true;
    this.queryPending = false;
    const seq = this.seq;
    const startedAt = this.clock();
    try {
      await this.compute(filters, seq, this.querySeq);
    } catch (error) {
      this.post({
        type: 'error',
        seq,
        message: error instanceof Error ? error.message : String(error),
      });
    } finally {
      this.running = false;
      this.lastRunAt = this.clock();
      this.lastRunMs = this.lastRunAt - startedAt;
      if (this.again) {
        this.again = false;
        this.schedule(this.queryPending);
      }
    }
  }

  /**
   * The first read of every row takes seconds at 200,000 sessions: meanwhile, the result saved
   * for this view at the page's last opening is shown (it is read first, and is one record).
   */
  private async showSaved(filters: SessionFilters, seq: number, querySeq: number): Promise<void> {
    const saved = await this.keeper.recall(filters);
    if (saved === undefined || this.computedOne || this.superseded(querySeq)) return;
    this.post({ ...saved.result, seq, partial: true, savedAt: saved.savedAt });
  }

  /** The budget's sums of the cycle's sessions: summed again when the rows or the cycle change. */
  private sessionsOfCycle(rows: SessionRow[]): CycleSessions | null {
    const cycle = this.cycle;
    if (cycle === null) return null;
    const kept = this.cycleSessions;
    if (kept?.of === rows && kept.sessions.cycle.start === cycle.start) return kept.sessions;
    const sessions = { cycle, sums: sumSessions(rows, cycle) };
    this.cycleSessions = { of: rows, sessions };
    return sessions;
  }

  /**
   * A newer query makes the work in progress pointless. A data change does not: the details
   * read stay valid, and stopping on every sync page would never finish during a backfill.
   */
  private superseded(querySeq: number): boolean {
    return this.querySeq !== querySeq;
  }

  private async compute(filters: SessionFilters, seq: number, querySeq: number): Promise<void> {
    const clock = this.clock;
    let started = clock();
    let readMs = 0;
    let prepareMs = 0;
    if (this.rows === null || this.columns === null || this.rowsStale) {
      this.rowsStale = false;
      // Read before the rows: IndexedDB would answer it only once every row is read.
      if (this.rows === null) await this.showSaved(filters, seq, querySeq);
      started = clock();
      const rows = await this.source.rows();
      readMs = clock() - started;
      started = clock();
      this.columns = buildColumns(rows, this.columns, this.source.copyOf);
      this.rows = rows;
      if (this.extras.size > rows.length) {
        this.extras.retain(new Set(rows.map((row) => row.session_id)));
      }
      this.extrasMissing = this.extras.takeFacts(rows);
      prepareMs = clock() - started;
    }
    const rows = this.rows;
    const columns = this.columns;
    const prepareExtras = () => {
      const begun = clock();
      if (attachExtras(columns, this.extras.map, this.extras.version)) {
        prepareMs += clock() - begun;
      }
    };
    prepareExtras();

    started = clock();
    const now = this.now();
    const index = filters.text.trim() !== '' ? await this.search.refresh(rows) : null;
    const filtered = filteredRows(rows, filters, index, now);
    // The Cost view's weeks and previous period look past the date window.
    const unwindowed = isAnyDate(filters.created)
      ? filtered
      : filteredRows(
          rows,
          { ...filters, created: { preset: null, from: null, to: null } },
          index,
          now,
        );
    const filterMs = clock() - started;
    const cycleSessions = this.sessionsOfCycle(rows);

    started = clock();
    const picked = positionsOf(rows, filtered);
    const aggregate = () => viewOfColumns(columns, picked, filters, now);
    const first = aggregate();
    let insights = first.insights;
    let computeMs = clock() - started;
    started = clock();
    const unwindowedPicked = unwindowed === filtered ? picked : positionsOf(rows, unwindowed);
    // The Cost view takes the sums per user and organization the aggregation just made.
    const created = filters.created;
    const cost = costOfColumns(columns, picked, unwindowedPicked, created, now, first.figures);
    const costMs = clock() - started;
    const postResult = (partial: boolean, detailsMs: number) => {
      const result: InsightsResult = {
        type: 'result',
        seq,
        insights,
        cost,
        filters,
        cached: rows.length,
        cycleSessions,
        partial,
        timings: { readMs, prepareMs, filterMs, computeMs, costMs, detailsMs },
      };
      this.computedOne = true;
      this.post(result);
      this.keeper.latest(result);
    };

    // Only rows stored before their analysis facts were kept (analysis-facts.ts) miss extras.
    const missing = this.extrasMissing ? this.extras.missing(filtered) : [];
    if (missing.length === 0) {
      postResult(false, 0);
      return;
    }
    // Everything but impacts and action item types first, when the details take a while.
    if (missing.length > PARTIAL_AFTER) postResult(true, 0);
    started = clock();
    await this.extras.load(missing, () => !this.superseded(querySeq));
    if (this.superseded(querySeq)) return;
    const detailsMs = clock() - started;
    this.extrasMissing = this.extras.anyMissing(rows);
    prepareExtras();
    started = clock();
    insights = aggregate().insights;
    computeMs = clock() - started;
    postResult(false, detailsMs);
  }
}
