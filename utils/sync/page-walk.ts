/**
 * How a pass walks an organization's pages: one request at a time, a few asked for ahead, and
 * started over once when a stored cursor has expired.
 */
import {
  DevinApiError,
  type DevinClient,
  FIRST_PAGE,
  iterateSessionPages,
  type PagePosition,
  type SessionPage,
  type SessionQuery,
} from '../api';

/** What walking pages needs of the pass's context. */
interface WalkContext {
  client: DevinClient;
  pageSize: number;
  signal?: AbortSignal;
}

/**
 * Keeps `depth` pages asked for ahead of the one being stored, and prepares each (`prepare`)
 * as soon as it arrives. Pages are still fetched one at a time (each request needs the
 * previous page's answer), but with two ahead the next request goes out the moment a page
 * arrives, not when the page before it has been stored. A failed read-ahead surfaces when its
 * page is awaited.
 */
export async function* readAhead<T, U>(
  source: AsyncIterator<T>,
  prepare: (item: T) => U,
  depth = 2,
): AsyncGenerator<U> {
  const next = () => {
    const result = source
      .next()
      .then((step) => (step.done ? null : { value: prepare(step.value) }));
    result.catch(() => undefined);
    return result;
  };
  const pending = Array.from({ length: depth }, next);
  while (true) {
    const result = await (pending.shift() as (typeof pending)[number]);
    if (result === null) return;
    pending.push(next());
    yield result.value;
  }
}

/**
 * The pages of a pass from `start`. A stored cursor the server no longer accepts (v3 cursors
 * expire) starts the walk over from the first page, once: what is stored stays, and the
 * pages read again are checked against it, so nothing is lost or stored twice.
 */
export async function* walkFrom(
  ctx: WalkContext,
  orgId: string,
  query: SessionQuery,
  start: PagePosition,
): AsyncGenerator<{ page: SessionPage; restarted: boolean }> {
  const walk = (from: PagePosition) =>
    iterateSessionPages(ctx.client, orgId, {
      query,
      start: from,
      limit: ctx.pageSize,
      signal: ctx.signal,
    });
  try {
    for await (const page of walk(start)) yield { page, restarted: false };
  } catch (error) {
    if (!(error instanceof DevinApiError && error.kind === 'cursor_expired')) throw error;
    for await (const page of walk(FIRST_PAGE)) yield { page, restarted: true };
  }
}
