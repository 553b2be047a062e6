/**
 * The query state of the Insights page: the view (the list's filters, plus `by=` for the stacked
 * chart) read from and kept in the URL, so a view can be bookmarked and shared, and the result
 * the worker computed for its filters.
 */
import { useState } from 'preact/hooks';
import type { BillingCycle } from '../../utils/budget/cycle';
import type { SessionFilters } from '../../utils/filters/model';
import {
  filtersFromSearchParams,
  filtersKey,
  filtersToSearchParams,
} from '../../utils/filters/url';
import { GROUP_BYS, type GroupBy } from '../../utils/insights/types';
import { useQueryInUrl } from '../shared/use-query-in-url';
import { type InsightsState, useInsights } from './use-insights';

const BY_PARAM = 'by';
const DEFAULT_BY: GroupBy = 'org';

interface View {
  filters: SessionFilters;
  by: GroupBy;
}

function viewFromUrl(search: string): View {
  const params = new URLSearchParams(search);
  const by = params.get(BY_PARAM);
  return {
    filters: filtersFromSearchParams(params),
    by: GROUP_BYS.includes(by as GroupBy) ? (by as GroupBy) : DEFAULT_BY,
  };
}

function viewToQuery(view: View): string {
  const params = filtersToSearchParams(view.filters);
  if (view.by !== DEFAULT_BY) params.set(BY_PARAM, view.by);
  return params.toString();
}

interface InsightsQuery extends InsightsState, View {
  /** Whether `result` is that of `filters` (false while the worker computes a new view). */
  current: boolean;
  setFilters: (filters: SessionFilters) => void;
  setBy: (by: GroupBy) => void;
}

/** `cycle`: the billing cycle whose sessions the budget sums (`InsightsResult.cycleSessions`). */
export function useInsightsQuery(cycle: BillingCycle): InsightsQuery {
  const [view, setView] = useState(() => viewFromUrl(location.search));
  useQueryInUrl(viewToQuery(view));

  const state = useInsights(view.filters, cycle);
  const result = state.result;
  return {
    ...state,
    ...view,
    current: result !== null && filtersKey(result.filters) === filtersKey(view.filters),
    setFilters: (filters) => setView((v) => ({ ...v, filters })),
    setBy: (by) => setView((v) => ({ ...v, by })),
  };
}
