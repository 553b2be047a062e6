/**
 * Walks `skip`/`limit` pages until the server says there are no more, and refuses to loop:
 * a cursor that does not move forward, `has_more` on an empty page, or far more pages than
 * `total` allows all end the walk with a `pagination` error instead of a hang.
 */
import {
  type DevinClient,
  FIRST_PAGE,
  MAX_PAGE_SIZE,
  type PagePosition,
  type SessionPage,
  type SessionQuery,
} from './client';
import { DevinApiError } from './errors';

export interface PageInfo {
  itemCount: number;
  total: number;
  skip: number;
  limit: number;
  hasMore: boolean;
  nextCursor: number | null;
}

/** The skip of the page after `page`, or null when `page` was the last. */
export function nextSkip(page: PageInfo): number | null {
  if (!page.hasMore) return null;
  if (page.itemCount === 0) throw new DevinApiError('pagination');
  const next = page.nextCursor ?? page.skip + page.itemCount;
  if (next <= page.skip) throw new DevinApiError('pagination');
  return next;
}

/** A generous bound on page count; `total` may grow while a walk runs, so allow slack. */
function pageBudget(total: number, limit: number): number {
  return Math.ceil(Math.max(total, 1) / Math.max(limit, 1)) * 2 + 10;
}

export async function* paginate<P extends PageInfo>(
  fetchPage: (skip: number) => Promise<P>,
  startSkip = 0,
): AsyncGenerator<P> {
  let skip: number | null = startSkip;
  let pages = 0;
  let budget = Number.POSITIVE_INFINITY;
  while (skip !== null) {
    const page = await fetchPage(skip);
    budget = Math.min(budget, pageBudget(page.total, page.limit));
    if (++pages > budget) throw new DevinApiError('pagination');
    yield page;
    skip = nextSkip(page);
  }
}

/**
 * Every session of one organization matching `query`, page by page, from `start`. Refuses to
 * loop: a position seen before in this walk, or far more pages than `total` allows, ends it
 * with a `pagination` error.
 */
export async function* iterateSessionPages(
  client: DevinClient,
  orgId: string,
  options: {
    query?: SessionQuery;
    start?: PagePosition;
    limit?: number;
    signal?: AbortSignal;
  } = {},
): AsyncGenerator<SessionPage> {
  const limit = options.limit ?? MAX_PAGE_SIZE;
  let position: PagePosition | null = options.start ?? FIRST_PAGE;
  const seen = new Set<string>();
  let pages = 0;
  let budget = Number.POSITIVE_INFINITY;
  while (position !== null) {
    const key = position.cursor ?? `skip:${position.skip}`;
    if (seen.has(key)) throw new DevinApiError('pagination');
    seen.add(key);
    const page: SessionPage = await client.listSessionsPage(
      orgId,
      { ...position, limit },
      options.query,
      options.signal,
    );
    if (page.total !== null) budget = Math.min(budget, pageBudget(page.total, page.limit));
    if (++pages > budget) throw new DevinApiError('pagination');
    yield page;
    position = page.next;
  }
}
