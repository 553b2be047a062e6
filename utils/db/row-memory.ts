/**
 * Rows read from IndexedDB keep their own copy of every string: 200,000 rows of three
 * organizations hold 200,000 copies of each organization id, status and user id. A page keeps
 * every row in memory to filter it, so rows are made to share what repeats as they are read:
 * one copy of each such string, and one empty list for every row without tags or PRs.
 */
import type { SessionRow } from './types';

/** The one empty list rows without tags, PRs or PR keys share; frozen, so none can grow it. */
const EMPTY: never[] = Object.freeze([]) as unknown as never[];

/** One copy of each repeated string, for the rows of one read. */
export class StringPool {
  private readonly strings = new Map<string, string>();

  get<T extends string | null | undefined>(value: T): T {
    if (typeof value !== 'string') return value;
    const kept = this.strings.get(value);
    if (kept !== undefined) return kept as T;
    this.strings.set(value, value);
    return value;
  }

  list(values: string[]): string[] {
    if (values.length === 0) return EMPTY;
    for (let i = 0; i < values.length; i++) values[i] = this.get(values[i] as string);
    return values;
  }
}

/** Makes `row` (just read, owned by the caller) share its repeated values through `pool`. */
export function shareRowValues(row: SessionRow, pool: StringPool): SessionRow {
  row.org_id = pool.get(row.org_id);
  row.user_id = pool.get(row.user_id);
  row.status = pool.get(row.status);
  row.tags = pool.list(row.tags);
  row.pr_keys = row.pr_keys.length === 0 ? EMPTY : row.pr_keys;
  if (row.pull_requests.length === 0) row.pull_requests = EMPTY;
  else for (const pr of row.pull_requests) pr.state = pool.get(pr.state);
  if (row.analysis) row.analysis.labels = pool.list(row.analysis.labels);
  if (row.status_detail !== undefined) row.status_detail = pool.get(row.status_detail);
  if (row.category !== undefined) row.category = pool.get(row.category);
  if (row.languages !== undefined) row.languages = pool.list(row.languages);
  return row;
}
