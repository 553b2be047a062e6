// The v2 list endpoints' offset paging: `skip`/`limit` parameters and the `PaginatedResponse`
// envelope (where `next_cursor` is just the next offset).

import type { PaginatedResponse, ValidationErrorItem } from '../types';
import { readInt } from '../validation';

export function page<T>(
  items: T[],
  total: number,
  skip: number,
  limit: number,
): PaginatedResponse<T> {
  const hasMore = skip + items.length < total;
  return {
    items,
    total,
    skip,
    limit,
    has_more: hasMore,
    next_cursor: hasMore ? skip + limit : null,
  };
}

export function readPaging(query: URLSearchParams, errors: ValidationErrorItem[]) {
  const skip = readInt(query, 'skip', { default: 0, ge: 0 }, errors);
  const limit = readInt(query, 'limit', { default: 100, ge: 1, le: 200 }, errors);
  return { skip, limit };
}
