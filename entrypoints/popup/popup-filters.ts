/**
 * The popup's filters survive closing it: they are kept as a query string (the same format as
 * the full tab's URL) in `storage.local`.
 */
import type { SessionFilters } from '../../utils/filters/model';
import { filtersFromSearchParams, filtersToSearchParams } from '../../utils/filters/url';
import { popupFiltersItem } from '../../utils/settings/items';

export async function loadPopupFilters(): Promise<SessionFilters> {
  return filtersFromSearchParams(await popupFiltersItem.getValue());
}

export function savePopupFilters(filters: SessionFilters): Promise<void> {
  return popupFiltersItem.setValue(filtersToSearchParams(filters).toString());
}
