// Cursor paging of the v3 lists (`first`/`after` in, `{items, has_next_page, end_cursor,
// total}` out). A cursor is opaque base64url text holding the list it belongs to, when it was
// issued and the sort key of the last item shown (never an offset), so items added during a
// walk do not shift later pages. The cursor traps of the live faults are applied here.

import type { ValidationErrorItem } from '../types';
import { readInt, readString } from '../validation';
import type { V3Context } from './context';

/** The lists that hand out cursors; a cursor from one is refused by the others. */
export type CursorList = 'sessions' | 'organizations' | 'users' | 'messages';
/** The sort key of the last item of a page. */
export type CursorKey = (string | number)[];

const VERSION = 1;

export interface CursorPage<T> {
  items: T[];
  has_next_page: boolean;
  end_cursor: string | null;
  total: number;
}

export function readPaging(query: URLSearchParams, errors: ValidationErrorItem[]) {
  const first = readInt(query, 'first', { default: 100, ge: 1, le: 200 }, errors);
  const after = readString(query, 'after');
  return { first, after: after === '' ? null : after };
}

function encode(list: CursorList, issuedMs: number, key: CursorKey): string {
  return Buffer.from(JSON.stringify([VERSION, list, issuedMs, ...key])).toString('base64url');
}

/** The key inside `raw`, or why it cannot be used (the 400 detail). */
export function decodeCursor(
  v3: V3Context,
  list: CursorList,
  raw: string,
): { key: CursorKey } | { error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (
    !Array.isArray(parsed) ||
    parsed[0] !== VERSION ||
    parsed[1] !== list ||
    typeof parsed[2] !== 'number' ||
    !parsed.slice(3).every((part) => typeof part === 'string' || typeof part === 'number')
  ) {
    return { error: 'Invalid cursor: pass the end_cursor of a previous page of this list' };
  }
  const ttl = v3.cursorTtlMs;
  if (ttl > 0 && v3.now() - parsed[2] > ttl) {
    return { error: `cursor expired (older than ${ttl} ms); start again from the first page` };
  }
  return { key: parsed.slice(3) as CursorKey };
}

/**
 * The answer for one page: `lastKey` is the sort key of the page's last item and `hasMore`
 * whether items follow it. A page that has a next page may spring a cursor trap: the repeat
 * trap sends back the `after` it was given (a first page has none and is left as it is), the
 * null trap says `has_next_page: true` with `end_cursor: null`.
 */
export function cursorPage<T>(
  v3: V3Context,
  list: CursorList,
  page: { items: T[]; total: number; hasMore: boolean; lastKey: CursorKey | null },
  after: string | null,
): CursorPage<T> {
  const { items, total } = page;
  if (!page.hasMore || page.lastKey === null) {
    return { items, has_next_page: false, end_cursor: null, total };
  }
  const trap = v3.cursorTrap();
  let endCursor: string | null = encode(list, v3.now(), page.lastKey);
  if (trap === 'repeat_cursor' && after !== null) endCursor = after;
  if (trap === 'null_cursor') endCursor = null;
  return { items, has_next_page: true, end_cursor: endCursor, total };
}

/**
 * One page of a list that does not change while the server runs (organizations, users,
 * messages), keyed by each item's id: the items after the one `afterKey` names.
 */
export function pageOfList<T>(
  all: readonly T[],
  idOf: (item: T) => string,
  afterKey: CursorKey | null,
  first: number,
): { items: T[]; total: number; hasMore: boolean; lastKey: CursorKey | null } | null {
  let start = 0;
  if (afterKey !== null) {
    const index = all.findIndex((item) => idOf(item) === afterKey[0]);
    if (index < 0) return null;
    start = index + 1;
  }
  const items = all.slice(start, start + first);
  const last = items[items.length - 1];
  return {
    items,
    total: all.length,
    hasMore: start + first < all.length,
    lastKey: last === undefined ? null : [idOf(last)],
  };
}
