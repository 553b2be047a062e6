/** The Insights of one view: the page's filters (the list's own matching), then the aggregation. */
import type { CountedFigures } from '../cost/types';
import type { SessionRow } from '../db/types';
import { filterRows, type SearchIndex } from '../filters/match';
import { resolveDateRange, type SessionFilters } from '../filters/model';
import { aggregatePass, allPositions, type InsightsOptions } from './aggregate';
import { buildColumns, type SessionColumns } from './columns';
import { attachExtras } from './extra-columns';
import type { AnalysisExtra, Insights } from './types';

export function filteredRows(
  rows: readonly SessionRow[],
  filters: SessionFilters,
  searchIndex: SearchIndex | null,
  now: number,
): SessionRow[] {
  return filterRows(rows, filters, searchIndex, now);
}

/**
 * The positions in `rows` of `subset`, a subsequence of them (the filters keep the rows' order
 * and objects), found in one walk comparing references.
 */
export function positionsOf(
  rows: readonly SessionRow[],
  subset: readonly SessionRow[],
): Int32Array {
  if (subset === rows) return allPositions(rows.length);
  const positions = new Int32Array(subset.length);
  let j = 0;
  for (let i = 0; i < rows.length && j < subset.length; i++) {
    if (rows[i] === subset[j]) positions[j++] = i;
  }
  if (j !== subset.length) {
    throw new Error(
      'Insights lost track of the cached sessions. Reload the page to read them again.',
    );
  }
  return positions;
}

type ViewOptions = Pick<InsightsOptions, 'topSeries' | 'costliest'>;

/**
 * Aggregates the store's sessions at `picked` (they passed `filters`); the figures are what the
 * Cost view of the same sessions can take instead of summing them again (`costOfColumns`).
 */
export function viewOfColumns(
  store: SessionColumns,
  picked: Int32Array,
  filters: SessionFilters,
  now: number,
  options: ViewOptions = {},
): { insights: Insights; figures: CountedFigures } {
  return aggregatePass(store, picked, {
    ...options,
    now,
    range: resolveDateRange(filters.created, now),
  });
}

/** Aggregates rows that already passed `filters`; the created window sets the day axis. */
export function computeView(
  filtered: readonly SessionRow[],
  filters: SessionFilters,
  now: number,
  extras?: ReadonlyMap<string, AnalysisExtra>,
  options: ViewOptions = {},
): Insights {
  const store = buildColumns(filtered);
  attachExtras(store, extras);
  return viewOfColumns(store, allPositions(filtered.length), filters, now, options).insights;
}
