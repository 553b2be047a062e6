/**
 * The filter menus' counts, counted when the page is idle rather than in the render that shows
 * a result: at 200,000 sessions counting nine menus (and coding every row's values for them)
 * would hold up the keystroke or the first rows it follows. The counts only show in an open
 * menu; until the first count, each menu lists no values and a chosen one shows by its id.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SessionRow } from '../../utils/db/types';
import { FacetColumns, type Facets } from '../../utils/filters/facets';
import type { SearchIndex } from '../../utils/filters/match';
import type { SessionFilters } from '../../utils/filters/model';

const NO_FACETS: Facets = {
  statuses: [],
  orgIds: [],
  userIds: [],
  tags: [],
  prStates: [],
  repos: [],
  statusDetails: [],
  categories: [],
  languages: [],
  archived: 0,
};

interface FacetInputs {
  /** Every row the filters apply to (in the list's order), or null before any is read. */
  rows: readonly SessionRow[] | null;
  /** The rows that pass all the filters, once the result is whole; null while it is not. */
  result: SessionRow[] | null;
  /** Where `result`'s rows are in `rows`, when known (a count then reads only those). */
  passing: (result: SessionRow[]) => readonly number[] | null;
  filters: SessionFilters;
  searchIndex: SearchIndex | null;
  now: number;
}

/** Runs `task` when the page is idle (soon in any case); returns how to cancel it. */
function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(task, 0);
    return () => clearTimeout(timer);
  }
  const handle = requestIdleCallback(task, { timeout: 250 });
  return () => cancelIdleCallback(handle);
}

export function useDeferredFacets(inputs: FacetInputs): Facets {
  const { rows, result } = inputs;
  const [facets, setFacets] = useState<Facets>(NO_FACETS);
  // Coded once per set of rows, on the first count that needs them.
  const coded = useRef<{ rows: readonly SessionRow[]; columns: FacetColumns } | null>(null);
  const latest = useRef(inputs);
  latest.current = inputs;
  useEffect(() => {
    if (rows === null || result === null) return;
    return whenIdle(() => {
      const { filters, searchIndex, now, passing } = latest.current;
      if (coded.current?.rows !== rows) coded.current = { rows, columns: new FacetColumns(rows) };
      setFacets(coded.current.columns.count(filters, searchIndex, now, passing(result)));
    });
  }, [rows, result]);
  return facets;
}
