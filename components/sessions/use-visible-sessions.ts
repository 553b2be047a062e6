/**
 * The sessions the list shows for the current filters, with their totals and the filters'
 * choices. It lives apart from the browser's layout because here is where a keystroke's cost
 * is paid: a search first finds the rows the list can show, so the list repaints at once, and
 * the rest of the result follows after that frame.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { FirstScreen } from '../../utils/db/first-screen';
import type { DevinDatabase } from '../../utils/db/schema';
import type { SessionRow } from '../../utils/db/types';
import type { Facets } from '../../utils/filters/facets';
import { createIncrementalFilter, filterRows } from '../../utils/filters/match';
import type { SessionFilters } from '../../utils/filters/model';
import { type SortNames, sortRows, sortUsesNames } from '../../utils/filters/sort';
import { computeTotals, type SessionTotals, TotalsColumns } from '../../utils/filters/totals';
import { filtersKey } from '../../utils/filters/url';
import { type SessionRows, useSearchIndex, useSessionRows } from './data';
import { useDeferredFacets } from './use-deferred-facets';

/** Rows a search's first pass finds beyond the last one in view: a screen's worth of scrolling. */
const FIRST_PASS_EXTRA_ROWS = 30;

export interface VisibleSessions {
  rows: SessionRows;
  /** Every cached row in the list's order, or null until the first full read. */
  sorted: SessionRow[] | null;
  /** The rows that pass the filters, in order; null until known. */
  visible: SessionRow[] | null;
  /** Totals of `visible`; those of the last whole result while a search is unfinished. */
  totals: SessionTotals | null;
  /**
   * The values the filters offer (from every cached row), each counted among the sessions that
   * pass the other filters (see utils/filters/facets.ts); counted once the page is idle.
   */
  facets: Facets;
  /** A search waits for the full search texts. */
  searchBusy: boolean;
  /** The list sets it to the last row it renders: how far a search's first pass must go. */
  lastRowInView: { current: number };
  /** Loads the full search texts ahead of a search (the search box was reached). */
  wantSearch: () => void;
}

/**
 * `filterNow` is the "now" of relative date filters (it moves once a minute); `names` are what
 * a sort by organization or user orders by (the table sorts as it reads).
 */
export function useVisibleSessions(
  db: DevinDatabase | null,
  firstScreen: FirstScreen | null,
  filters: SessionFilters,
  filterNow: number,
  names?: SortNames,
): VisibleSessions {
  const rows = useSessionRows(db, firstScreen, filters.sort);

  const [searchWanted, setSearchWanted] = useState(false);
  const searchIndex = useSearchIndex(db, rows.all, searchWanted || filters.text.trim() !== '');

  const sorted = useMemo(
    () => (rows.all ? sortRows(rows.all, filters.sort, names) : null),
    [rows.all, filters.sort.field, filters.sort.dir, sortUsesNames(filters.sort.field) && names],
  );
  const incremental = useMemo(() => createIncrementalFilter(), []);
  const key = filtersKey(filters);
  // A search first finds the rows the list can show (those in view and a screen more), so a
  // keystroke repaints the list at once; the rest of the result follows after that frame.
  const lastRowInView = useRef(0);
  const firstPass = useMemo<SessionRow[] | null>(() => {
    const firstRows = lastRowInView.current + 1 + FIRST_PASS_EXTRA_ROWS;
    if (sorted) return incremental(sorted, filters, searchIndex, filterNow, { firstRows });
    if (rows.preview) return filterRows(rows.preview, filters, null, filterNow);
    return null;
  }, [sorted, rows.preview, key, searchIndex, filterNow]);
  const [finished, setFinished] = useState<{ of: SessionRow[]; rows: SessionRow[] } | null>(null);
  const partial = firstPass !== null && incremental.isPartial(firstPass);
  useEffect(() => {
    // Preact runs effects after the frame is painted.
    if (firstPass && incremental.isPartial(firstPass)) {
      setFinished({ of: firstPass, rows: incremental.finish(firstPass) });
    }
  }, [firstPass]);
  const visible = finished?.of === firstPass ? finished.rows : firstPass;
  const columns = useMemo(() => (sorted ? new TotalsColumns(sorted) : null), [sorted]);
  // While a search is unfinished the totals of the last whole result stay up (for a frame).
  const lastTotals = useRef<SessionTotals | null>(null);
  const totals = useMemo(() => {
    if (!visible || !sorted) return null;
    if (partial) return lastTotals.current;
    const positions = incremental.positionsOf(visible);
    lastTotals.current =
      columns && positions ? columns.totalsAt(positions) : computeTotals(visible);
    return lastTotals.current;
  }, [visible, partial]);
  const facets = useDeferredFacets({
    rows: sorted ?? rows.preview,
    result: partial ? null : visible,
    passing: (result) => (sorted ? incremental.positionsOf(result) : null),
    filters,
    searchIndex,
    now: filterNow,
  });
  const searchBusy = filters.text.trim() !== '' && rows.all !== null && searchIndex === null;

  return {
    rows,
    sorted,
    visible,
    totals,
    facets,
    searchBusy,
    lastRowInView,
    wantSearch: () => setSearchWanted(true),
  };
}
