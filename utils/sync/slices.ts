/**
 * How a backfill divides its window so several pages can be fetched at once. A walk of pages
 * is sequential (each request needs the previous answer: an offset on v2, a cursor on v3), but
 * walks of disjoint ranges of creation time are independent, and both APIs filter on it. The
 * pass starts with one slice, the whole window; when a slice's page shows many pages still to
 * come (the server's `total` for the slice), the rest of the slice is cut into pieces by time,
 * each walked on its own. Pieces are cut from the page just read, so no request is wasted.
 *
 * Ranges are inclusive at both ends, as the APIs' filters are, and never overlap: a piece ends
 * a whole second minus a microsecond before the next one starts (v3 filters in whole seconds,
 * v2 takes microseconds). The piece just below a page starts again at that page's last second:
 * its first page may repeat sessions of that second, so it is checked against the cache.
 */
import type { SessionPage, SessionQuery } from '../api';
import { MAX_IN_FLIGHT } from '../api/limiter';
import type { SliceCheckpoint, SyncPass } from '../db';

/**
 * A slice with more pages than this still to read is cut into pieces. Small pieces keep every
 * request of the window busy to the end (a long slice left alone is read one page at a time);
 * a cut costs no request, only a session or two read twice where pieces meet.
 */
const SPLIT_ABOVE_PAGES = 4;
/** The pages a piece should hold, going by the page's pace of sessions over time. */
const PAGES_PER_PIECE = 4;
/** At most this many pieces from one page (a piece that turns out large is cut again). */
const MAX_PIECES = 8;

/** The end of a last range of offsets: none (a number, so checkpoints store it as it is). */
const OPEN_END = Number.MAX_SAFE_INTEGER;

/** The slices a pass has yet to read (a pass begun before slices: the whole window). */
export function openSlices(pass: SyncPass): SliceCheckpoint[] {
  if (pass.slices) return pass.slices;
  return [
    {
      from: null,
      to: null,
      skip: pass.nextSkip,
      cursor: pass.nextCursor ?? null,
      recheck: pass.nextSkip > 0,
    },
  ];
}

/** The last microsecond of the millisecond `ms`, as ISO 8601 (inclusive upper bounds). */
function endOfMs(ms: number): string {
  return new Date(ms).toISOString().replace(/Z$/, '999Z');
}

/** The listing query of a slice, within the pass's window (`createdFrom`). */
export function sliceQuery(slice: SliceCheckpoint, createdFrom: string | null): SessionQuery {
  return {
    createdFrom:
      slice.from === null ? (createdFrom ?? undefined) : new Date(slice.from).toISOString(),
    createdTo: slice.to === null ? undefined : endOfMs(slice.to),
  };
}

const floorSecond = (ms: number) => Math.floor(ms / 1000) * 1000;

/**
 * What replaces `slice` once `page` (its latest) is stored: nothing after its last page, the
 * slice from its next page, or pieces of what is left when that is many pages. `windowFrom`
 * is the start of the pass's window (epoch ms), null for the whole history.
 */
export function slicesAfter(
  slice: SliceCheckpoint,
  page: SessionPage,
  pageSize: number,
  windowFrom: number | null,
): SliceCheckpoint[] {
  if (page.next === null) return [];
  // A range of pages ends where the next range begins.
  if (slice.until !== undefined && page.next.skip >= slice.until) return [];
  const following: SliceCheckpoint = { ...slice, ...page.next, recheck: false };
  // v3 may not say how many match: the slice is then walked to its end. A range is walked to
  // its end too: it was sized when it was made.
  if (page.total === null || slice.until !== undefined) return [following];
  const remaining = page.total - page.skip - page.itemCount;
  const remainingPages = Math.ceil(remaining / pageSize);
  if (remainingPages <= 1) return [following];
  if (byOffsets(slice, page, pageSize)) return pageRanges(following, remainingPages, pageSize);
  const below = boundBelowPage(slice, page, pageSize);
  if (below) return pageRanges(below.slice, Math.ceil(below.sessions / pageSize), pageSize);
  if (remainingPages <= SPLIT_ABOVE_PAGES) return [following];
  const pieces = Math.min(MAX_PIECES, Math.ceil(remainingPages / PAGES_PER_PIECE));
  return cutRest(slice, page, { remaining, pieces }, windowFrom) ?? [following];
}

/**
 * Whether the rest of a slice can be read as ranges of offsets, all at once. Only over v2
 * (offsets; a v3 cursor is one walk) and only below a known upper bound: sessions created
 * meanwhile are newer than it, so they cannot shift the offsets of the slice's sessions. Only
 * after a full page of the size asked for, so that ranges of whole pages are whole pages.
 */
function byOffsets(slice: SliceCheckpoint, page: SessionPage, pageSize: number): boolean {
  return (
    slice.to !== null &&
    page.next?.cursor === null &&
    page.limit === pageSize &&
    page.itemCount === pageSize
  );
}

/**
 * A slice open upwards (the pass's first page, over v2) read on below a bound: the end of the
 * page's last second. Sessions created meanwhile are newer, so they cannot shift the offsets
 * below it, and the rest is read at once as ranges of whole pages, sized from the first page's
 * total alone (no request is spent to size it). Below the bound, the page's own sessions of
 * its last second come first: the rest starts after them. Null when the page gives no bound.
 */
function boundBelowPage(
  slice: SliceCheckpoint,
  page: SessionPage,
  pageSize: number,
): { slice: SliceCheckpoint; sessions: number } | null {
  if (slice.to !== null || slice.until !== undefined || page.total === null) return null;
  if (page.next?.cursor !== null || page.limit !== pageSize || page.itemCount !== pageSize) {
    return null;
  }
  const last = page.sessions[page.sessions.length - 1]?.created_at;
  const lastMs = last === undefined ? Number.NaN : Date.parse(last);
  if (!Number.isFinite(lastMs)) return null;
  const to = floorSecond(lastMs) + 999;
  // Newest first: the page's sessions inside the bound are its last ones.
  const inside = page.sessions.filter((s) => Date.parse(s.created_at) <= to).length;
  return {
    slice: { from: slice.from, to, skip: inside, cursor: null, recheck: false },
    sessions: page.total - page.skip - page.itemCount,
  };
}

/**
 * The rest of a slice (`remainingPages` from `following`) as up to MAX_IN_FLIGHT ranges of
 * whole pages, newest first. Each range is walked on its own, so the first page of each is checked
 * against the cache: a server that shifts its pages between requests repeats sessions across
 * ranges, where no page before it in the same walk could show them. Cutting by time leaves a part-filled page at the end of every piece
 * (a request for a few sessions); ranges of offsets end on full pages, so the slice costs no
 * more requests than its pages. The last range has no end: it reads whatever the slice holds.
 */
function pageRanges(
  following: SliceCheckpoint,
  remainingPages: number,
  pageSize: number,
): SliceCheckpoint[] {
  // As many as requests may be in flight, of nearly equal length, so they end together: more
  // would each cost a first page checked against the cache, and add no request at once.
  const count = Math.min(MAX_IN_FLIGHT, remainingPages);
  const ranges: SliceCheckpoint[] = [];
  let first = 0;
  for (let i = 0; i < count; i++) {
    const pages = Math.floor(remainingPages / count) + (i < remainingPages % count ? 1 : 0);
    const skip = following.skip + first * pageSize;
    // The last one reads on to the slice's end, and is not cut again: a range is walked to its
    // end (slicesAfter), so the ranges stay as many as they were made, and end together.
    const until = i < count - 1 ? skip + pages * pageSize : OPEN_END;
    ranges.push({ ...following, skip, until, recheck: true });
    first += pages;
  }
  return ranges;
}

/**
 * Pieces of what follows `page` in `slice` (`remaining` sessions) in
 * `pieces`: equal spans of time, over
 * the rest of the slice when its start is known, or else over the time the page's pace says
 * the rest covers (the oldest piece then stays open downwards). Null when it cannot be cut.
 */
function cutRest(
  slice: SliceCheckpoint,
  page: SessionPage,
  { remaining, pieces }: { remaining: number; pieces: number },
  windowFrom: number | null,
): SliceCheckpoint[] | null {
  const times = page.sessions.map((s) => Date.parse(s.created_at));
  const newest = times[0];
  const last = times[times.length - 1];
  if (newest === undefined || last === undefined || !Number.isFinite(newest + last)) return null;
  const lower = slice.from ?? windowFrom;
  let span: number;
  if (lower !== null) span = last - lower;
  else if (times.length > 1 && newest > last)
    span = ((newest - last) / (times.length - 1)) * remaining;
  else return null;
  // Whole seconds, newest first, each below the last and above the slice's start.
  const bounds: number[] = [];
  for (let i = 1; i < pieces; i++) {
    const bound = floorSecond(last - (span * i) / pieces);
    const above = bounds[bounds.length - 1] ?? Number.POSITIVE_INFINITY;
    if (bound < above && (lower === null || bound > lower)) bounds.push(bound);
  }
  const top = bounds[0];
  if (top === undefined) return null;
  const fresh = { skip: 0, cursor: null, recheck: false };
  const result: SliceCheckpoint[] = [
    // Up to the end of the page's last second: sessions of that second may be on the page.
    { ...fresh, from: top, to: floorSecond(last) + 999, recheck: true },
  ];
  bounds.forEach((bound, i) => {
    result.push({ ...fresh, from: bounds[i + 1] ?? slice.from, to: bound - 1 });
  });
  return result;
}
