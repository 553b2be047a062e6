/**
 * Walks a backfill's slices (see slices.ts) several at once: up to `inFlight` pages are asked
 * for together (a couple more than the limiter lets out at a time), the newest slices first,
 * and each page is handed on as it arrives with the slices still to read once it is stored,
 * its checkpoint. The client's limiter (api/limiter.ts) decides how many of these requests
 * actually go out, slowing down when the server is overloaded. A slice is walked one page
 * after another, as before: a position seen twice in it, or far more pages than its total
 * allows, ends the walk with a `pagination` error; a stored cursor the server no longer
 * accepts starts the slice over, once, its pages checked. A page that failed on an error
 * that passes is asked for again a few times (PAGE_TRIES).
 */
import { DevinApiError, type DevinClient, type SessionPage } from '../api';
import { MAX_IN_FLIGHT } from '../api/limiter';
import type { SliceCheckpoint } from '../db';
import { sliceQuery, slicesAfter } from './slices';

interface SliceWalkContext<T> {
  client: DevinClient;
  pageSize: number;
  signal?: AbortSignal;
  /** The pass's window (ISO), and the same as epoch ms; null for the whole history. */
  createdFrom: string | null;
  /**
   * What storing a page needs of it (its rows), worked out when the page is handed on, after
   * the requests that follow it are out. Not as each page arrives: pages read ahead of their
   * turn (slice-walk's buffer, the next organizations') would each hold their rows twice.
   */
  prepare: (page: SessionPage) => T;
}

/** A page of a sliced walk, and what storing it must know. */
export interface SlicePage<T> {
  page: SessionPage;
  prepared: T;
  /** The slices left to read once this page is stored (none: the walk is done). */
  slices: SliceCheckpoint[];
  /** The page may hold sessions stored before: they are looked up in the cache. */
  recheck: boolean;
  /** The sessions of the page before it in its slice (where shifted pages repeat some). */
  seenBefore: ReadonlySet<string> | null;
}

/** A slice being walked: its checkpoint plus what only this run needs to know of it. */
interface Walk {
  id: number;
  slice: SliceCheckpoint;
  /** Positions read in this slice, against a server that sends one twice. */
  seen: Set<string>;
  pages: number;
  /** Walked again from its start after its cursor expired: every page is checked. */
  restarted: boolean;
  previousIds: ReadonlySet<string> | null;
  /** Times its next page failed after the client's own retries. */
  failures: number;
}

/**
 * A page whose request failed after the client's retries with an error that passes (overload,
 * network) is asked for again this many times in all before the pass fails. Requests in flight
 * together share the server's bad moments, so one unlucky page should not stop a backfill.
 */
const PAGE_TRIES = 3;
/**
 * Pages fetched and not yet stored, per request allowed in flight, before no more are asked
 * for: reading goes on while a slow moment of the database passes, and the worker still holds
 * only a bounded number of pages.
 */
const AHEAD_PER_REQUEST = 2;
/**
 * Pages asked for beyond the limiter's places: they wait at the limiter, and one goes out the
 * moment an answer's headers free a place, not after that page has been read and checked.
 * At 400 ms an answer, that keeps the four places busy (the limiter still caps them at four).
 */
const QUEUED_AT_LIMITER = 2;

/** Newest first: a slice open upwards, then by its upper bound. */
function newestFirst(a: SliceCheckpoint, b: SliceCheckpoint): number {
  return (b.to ?? Number.POSITIVE_INFINITY) - (a.to ?? Number.POSITIVE_INFINITY) || 0;
}

/** A generous bound on a slice's page count (its total may grow while it is walked). */
function pageBudget(total: number, limit: number): number {
  return Math.ceil(Math.max(total, 1) / Math.max(limit, 1)) * 2 + 10;
}

export async function* walkSlices<T>(
  ctx: SliceWalkContext<T>,
  orgId: string,
  start: readonly SliceCheckpoint[],
  inFlight = MAX_IN_FLIGHT + QUEUED_AT_LIMITER,
): AsyncGenerator<SlicePage<T>> {
  const stop = new AbortController();
  const signal = ctx.signal ? AbortSignal.any([ctx.signal, stop.signal]) : stop.signal;
  const windowFrom = ctx.createdFrom === null ? null : Date.parse(ctx.createdFrom);
  let walks = 0;
  const walk = (slice: SliceCheckpoint, from?: Walk): Walk => ({
    id: walks++,
    slice,
    seen: new Set(),
    pages: 0,
    restarted: from?.restarted ?? false,
    previousIds: null,
    failures: 0,
  });
  // In the order pages are handed on, which is the order they are stored in.
  const checkpoint = new Map<number, SliceCheckpoint>();
  const ready: Walk[] = start.map((slice) => {
    const resumed = walk({
      ...slice,
      recheck: slice.recheck || slice.skip > 0 || slice.cursor !== null,
    });
    checkpoint.set(resumed.id, slice);
    return resumed;
  });
  const arrived: Array<{ walk: Walk; page: SessionPage; next: Walk[] }> = [];
  let running = 0;
  let failure = null as { error: unknown } | null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const resume = wake;
    wake = null;
    resume?.();
  };

  const fetchPage = async (current: Walk) => {
    const { slice } = current;
    const key = slice.cursor ?? `skip:${slice.skip}`;
    if (current.seen.has(key)) throw new DevinApiError('pagination');
    current.seen.add(key);
    try {
      return await ctx.client.listSessionsPage(
        orgId,
        // A range never reads past its end, where the next range begins.
        {
          skip: slice.skip,
          cursor: slice.cursor,
          limit:
            slice.until === undefined
              ? ctx.pageSize
              : Math.max(1, Math.min(ctx.pageSize, slice.until - slice.skip)),
        },
        sliceQuery(slice, ctx.createdFrom),
        signal,
      );
    } catch (error) {
      // A stored cursor the server no longer accepts (v3 cursors expire): the slice again.
      if (error instanceof DevinApiError && error.kind === 'cursor_expired' && !current.restarted) {
        const again: Walk = {
          ...current,
          slice: { ...slice, skip: 0, cursor: null },
          restarted: true,
          seen: new Set(),
        };
        return { again };
      }
      if (error instanceof DevinApiError && error.retryable && current.failures + 1 < PAGE_TRIES) {
        current.seen.delete(key);
        return { again: { ...current, failures: current.failures + 1 } };
      }
      throw error;
    }
  };

  const take = (current: Walk, page: SessionPage) => {
    current.pages++;
    if (page.total !== null && current.pages > pageBudget(page.total, page.limit)) {
      throw new DevinApiError('pagination');
    }
    const previousIds = new Set(page.sessions.map((s) => s.session_id));
    const next = slicesAfter(current.slice, page, ctx.pageSize, windowFrom).map((slice) => {
      const same =
        slice.from === current.slice.from &&
        slice.to === current.slice.to &&
        slice.until === current.slice.until;
      // The same slice from its next page: its walk goes on (and keeps its checkpoint's place).
      return same ? { ...current, slice, previousIds, failures: 0 } : walk(slice, current);
    });
    arrived.push({ walk: current, page, next });
    ready.push(...next);
  };

  const pump = () => {
    while (
      failure === null &&
      running < inFlight &&
      ready.length > 0 &&
      arrived.length < MAX_IN_FLIGHT * AHEAD_PER_REQUEST
    ) {
      ready.sort((a, b) => newestFirst(a.slice, b.slice));
      const current = ready.shift() as Walk;
      running++;
      fetchPage(current)
        .then((result) => {
          if ('again' in result) ready.push(result.again);
          else take(current, result);
        })
        .catch((error: unknown) => {
          failure ??= { error };
          stop.abort();
        })
        .finally(() => {
          running--;
          pump();
          notify();
        });
    }
  };

  try {
    pump();
    while (true) {
      const item = arrived.shift();
      if (item === undefined) {
        if (failure !== null) throw failure.error;
        if (running === 0 && ready.length === 0) return;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        continue;
      }
      checkpoint.delete(item.walk.id);
      for (const next of item.next) checkpoint.set(next.id, next.slice);
      pump();
      yield {
        page: item.page,
        prepared: ctx.prepare(item.page),
        slices: [...checkpoint.values()].sort(newestFirst),
        recheck: item.walk.slice.recheck || item.walk.restarted,
        seenBefore: item.walk.previousIds,
      };
    }
  } finally {
    stop.abort();
  }
}
