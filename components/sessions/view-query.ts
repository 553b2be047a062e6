/** A view of the browser (filters and the open session) as a query string, and back. */
import type { SessionFilters } from '../../utils/filters/model';
import {
  filtersFromSearchParams,
  filtersToSearchParams,
  SESSION_PARAM,
} from '../../utils/filters/url';

export interface ViewState {
  filters: SessionFilters;
  openId: string | null;
}

export function viewToQuery(view: ViewState): string {
  const params = filtersToSearchParams(view.filters);
  if (view.openId) params.set(SESSION_PARAM, view.openId);
  return params.toString();
}

export function viewFromQuery(query: string): ViewState {
  const params = new URLSearchParams(query);
  const openId = params.get(SESSION_PARAM)?.trim() || null;
  return { filters: filtersFromSearchParams(params), openId };
}
