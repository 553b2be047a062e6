import { describe, expect, it } from 'vitest';
import type { Session, SessionPage } from '../api';
import type { SliceCheckpoint } from '../db';
import { openSlices, sliceQuery, slicesAfter } from './slices';

const MINUTE = 60_000;
const T0 = Date.parse('2026-06-01T12:00:00.000Z');
const WHOLE: SliceCheckpoint = { from: null, to: null, skip: 0, cursor: null, recheck: false };

/** A page of `count` sessions created a minute apart, the newest at `newest`. */
function page(options: {
  count?: number;
  newest?: number;
  total: number | null;
  skip?: number;
  next?: boolean;
}): SessionPage {
  const count = options.count ?? 200;
  const newest = options.newest ?? T0;
  const sessions = Array.from(
    { length: count },
    (_, i) =>
      ({
        session_id: `s${i}`,
        created_at: new Date(newest - i * MINUTE).toISOString(),
      }) as Session,
  );
  const skip = options.skip ?? 0;
  return {
    sessions,
    skipped: [],
    skip,
    itemCount: count,
    total: options.total,
    limit: 200,
    next: options.next === false ? null : { skip: skip + count, cursor: 'c1' },
    serverTime: undefined,
  };
}

describe('slicesAfter', () => {
  it('ends a slice at its last page', () => {
    expect(slicesAfter(WHOLE, page({ total: 200, next: false }), 200, null)).toEqual([]);
  });

  it('walks a short slice on from its next page', () => {
    const after = slicesAfter(WHOLE, page({ total: 600 }), 200, null);
    expect(after).toEqual([{ ...WHOLE, skip: 200, cursor: 'c1', recheck: false }]);
  });

  it('walks on when the server does not say how many sessions match (v3 may not)', () => {
    expect(slicesAfter(WHOLE, page({ total: null }), 200, null)).toHaveLength(1);
  });

  it('cuts a long rest into disjoint pieces of whole seconds, newest first, covering it all', () => {
    const windowFrom = T0 - 100 * 24 * 60 * MINUTE + 123;
    const last = T0 - 199 * MINUTE;
    const pieces = slicesAfter(WHOLE, page({ total: 50_000 }), 200, windowFrom);
    expect(pieces).toHaveLength(8);
    // The newest piece reaches the end of the page's last second, and is checked against the
    // cache: it may repeat sessions of that second.
    expect(pieces[0]).toMatchObject({ to: last + 999, recheck: true, skip: 0, cursor: null });
    // Each starts a whole second, the next one ends just before it, the oldest at the window.
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i] as SliceCheckpoint;
      const older = pieces[i + 1];
      if (older) {
        expect(piece.from).not.toBeNull();
        expect((piece.from as number) % 1000).toBe(0);
        expect(older.to).toBe((piece.from as number) - 1);
      } else {
        expect(piece.from).toBeNull();
      }
      expect(i === 0 || !piece.recheck).toBe(true);
    }
    // Roughly equal spans of time.
    const spans = pieces.slice(0, -1).map((p) => (p.to as number) - (p.from as number));
    expect(Math.max(...spans) - Math.min(...spans)).toBeLessThanOrEqual(2000);
  });

  it('guesses the span of an unbounded history from the pace of the page', () => {
    // 200 sessions a minute apart, 2,200 more to come: about 2,200 minutes further back, in
    // three pieces of about 733 minutes, the oldest one open downwards.
    const pieces = slicesAfter(WHOLE, page({ total: 2_400 }), 200, null);
    expect(pieces).toHaveLength(3);
    const oldestBound = pieces[pieces.length - 2]?.from as number;
    const last = T0 - 199 * MINUTE;
    expect(last - oldestBound).toBeGreaterThan(1430 * MINUTE);
    expect(last - oldestBound).toBeLessThan(1500 * MINUTE);
    expect(pieces[pieces.length - 1]?.from).toBeNull();
  });

  it('keeps a piece within the slice it was cut from', () => {
    const slice = { ...WHOLE, from: T0 - 2000 * MINUTE, to: T0 + 999 };
    const pieces = slicesAfter(slice, page({ total: 2_000 }), 200, null);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces[pieces.length - 1]?.from).toBe(slice.from);
    for (const piece of pieces) {
      expect(piece.from ?? slice.from).toBeGreaterThanOrEqual(slice.from);
      expect(piece.to).toBeLessThanOrEqual(slice.to);
    }
  });
});

describe('slicesAfter over offsets (v2, below a known bound)', () => {
  const CLOSED: SliceCheckpoint = { ...WHOLE, from: T0 - 5000 * MINUTE, to: T0 + 999 };
  const v2Page = (options: Parameters<typeof page>[0]) => {
    const p = page(options);
    return { ...p, next: p.next && { ...p.next, cursor: null } };
  };

  it('reads the rest as ranges of whole pages that meet end to start, the last one open', () => {
    // 2,000 sessions: 9 pages after this one, in as many ranges as requests go at once (4),
    // of nearly equal length so that they end together.
    const ranges = slicesAfter(CLOSED, v2Page({ total: 2_000 }), 200, null);
    expect(ranges.map((r) => [r.skip, r.until])).toEqual([
      [200, 800],
      [800, 1200],
      [1200, 1600],
      [1600, Number.MAX_SAFE_INTEGER],
    ]);
    // Each range is a walk of its own: its first page is checked against the cache, as a
    // server that shifts its pages repeats sessions across ranges.
    for (const range of ranges) {
      expect(range).toMatchObject({ from: CLOSED.from, to: CLOSED.to, recheck: true });
    }
    // Every page asked for is a full page but the very last: 10 requests for 10 pages.
    const requests = ranges.reduce(
      (n, r) => n + Math.ceil((Math.min(r.until ?? 0, 2_000) - r.skip) / 200),
      1,
    );
    expect(requests).toBe(10);
  });

  it('walks the last range on to the end of its slice, without cutting it again', () => {
    const last = { ...CLOSED, skip: 1600, until: Number.MAX_SAFE_INTEGER };
    expect(slicesAfter(last, v2Page({ total: 5_000, skip: 1600 }), 200, null)).toEqual([
      { ...last, skip: 1800 },
    ]);
  });

  it('ends a range where the next one begins, and walks a range on until then', () => {
    const range = { ...CLOSED, skip: 200, until: 600 };
    expect(slicesAfter(range, v2Page({ total: 2_000, skip: 200 }), 200, null)).toEqual([
      { ...range, skip: 400 },
    ]);
    expect(
      slicesAfter({ ...range, skip: 400 }, v2Page({ total: 2_000, skip: 400 }), 200, null),
    ).toEqual([]);
  });

  it("reads an open slice on below the first page's last second, as ranges sized from its total", () => {
    // Sessions created meanwhile are newer than that second: they cannot shift the ranges.
    const first = v2Page({ total: 2_000 });
    const last = Date.parse(first.sessions.at(-1)?.created_at as string);
    const ranges = slicesAfter(WHOLE, first, 200, null);
    expect(ranges.map((r) => [r.skip, r.until])).toEqual([
      [1, 601],
      [601, 1001],
      [1001, 1401],
      [1401, Number.MAX_SAFE_INTEGER],
    ]);
    for (const range of ranges) {
      expect(range).toMatchObject({ from: null, to: last + 999, cursor: null, recheck: true });
    }
    // Below the bound, the page's own session of its last second comes first: skipped, so
    // 1,800 sessions are read in 9 requests, all full pages.
    const read = ranges.reduce((n, r) => n + (Math.min(r.until ?? 0, 1_801) - r.skip), 0);
    expect(read).toBe(1_800);
  });

  it('cuts by time over v3 cursors', () => {
    const v3 = slicesAfter(CLOSED, page({ total: 2_000 }), 200, null);
    expect(v3.every((slice) => slice.until === undefined && slice.skip === 0)).toBe(true);
    const open = slicesAfter(WHOLE, page({ total: 2_000 }), 200, null);
    expect(open.length).toBeGreaterThan(1);
    expect(open.every((slice) => slice.until === undefined && slice.skip === 0)).toBe(true);
  });
});

describe('sliceQuery', () => {
  it('asks for the slice, inclusive to the last microsecond of its end, within the window', () => {
    const query = sliceQuery({ ...WHOLE, from: T0, to: T0 + 59_999 }, null);
    expect(query).toEqual({
      createdFrom: '2026-06-01T12:00:00.000Z',
      createdTo: '2026-06-01T12:00:59.999999Z',
    });
    expect(sliceQuery(WHOLE, '2026-01-01T00:00:00.000Z')).toEqual({
      createdFrom: '2026-01-01T00:00:00.000Z',
      createdTo: undefined,
    });
  });
});

describe('openSlices', () => {
  it('reads a pass begun before slices as one slice from where it stopped, checked', () => {
    const pass = {
      kind: 'backfill' as const,
      startedAt: 1,
      nextSkip: 400,
      nextCursor: null,
      updatedFrom: null,
      createdFrom: null,
      pagesDone: 2,
      sessionsDone: 400,
      total: 1000,
    };
    expect(openSlices(pass)).toEqual([{ ...WHOLE, skip: 400, recheck: true }]);
  });
});
