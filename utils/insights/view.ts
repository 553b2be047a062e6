/** The Insights of one view: the page's filters (the list's own matching), then the aggregation. */
import type { SessionRow } from '../db/types';
import { filterRows, type SearchIndex } from '../filters/match';
import { resolveDateRange, type SessionFilters } from '../filters/model';
import { computeInsights, type InsightsOptions } from './aggregate';
import type { AnalysisExtra, Insights } from './types';

export function filteredRows(
  rows: readonly SessionRow[],
  filters: SessionFilters,
  searchIndex: SearchIndex | null,
  now: number,
): SessionRow[] {
  return filterRows(rows, filters, searchIndex, now);
}

/** Aggregates rows that already passed `filters`; the created window sets the day axis. */
export function computeView(
  filtered: readonly SessionRow[],
  filters: SessionFilters,
  now: number,
  extras?: ReadonlyMap<string, AnalysisExtra>,
  options: Pick<InsightsOptions, 'topSeries' | 'costliest'> = {},
): Insights {
  return computeInsights(filtered, {
    ...options,
    now,
    range: resolveDateRange(filters.created, now),
    extras,
  });
}
