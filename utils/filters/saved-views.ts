/**
 * Saved views: named sets of filters an admin comes back to ("Errors today, Platform org").
 * Each keeps its filters as the full tab's query string (utils/filters/url.ts), so a view
 * saved with "Last 24 hours" stays relative to the day it is used.
 */
import type { SessionFilters } from './model';
import { filtersFromSearchParams, filtersToSearchParams, sameFilters } from './url';

export interface SavedView {
  name: string;
  /** The filters, as a query string without the leading `?`. */
  query: string;
}

/** Views kept at most; the menu stays short enough to scan. */
export const MAX_SAVED_VIEWS = 20;
/** Characters of a view's name kept. */
export const MAX_VIEW_NAME = 60;

function sameName(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
}

/** A view's name as kept: trimmed, inner runs of spaces made one, cut to the maximum. */
function cleanViewName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').slice(0, MAX_VIEW_NAME);
}

/**
 * The list with `filters` saved under `name`: a view of the same name (case aside) is replaced
 * in place, a new one goes last. Null when the name is empty or the list is full.
 */
export function withSavedView(
  views: readonly SavedView[],
  name: string,
  filters: SessionFilters,
): SavedView[] | null {
  const clean = cleanViewName(name);
  if (clean === '') return null;
  const view = { name: clean, query: filtersToSearchParams(filters).toString() };
  const index = views.findIndex((existing) => sameName(existing.name, clean));
  if (index >= 0) return views.map((existing, i) => (i === index ? view : existing));
  if (views.length >= MAX_SAVED_VIEWS) return null;
  return [...views, view];
}

export function withoutView(views: readonly SavedView[], name: string): SavedView[] {
  return views.filter((view) => !sameName(view.name, name));
}

export function viewFilters(view: SavedView): SessionFilters {
  return filtersFromSearchParams(view.query);
}

/** The saved view whose filters are the ones in force, if any: its name labels the menu. */
export function currentView(
  views: readonly SavedView[],
  filters: SessionFilters,
): SavedView | null {
  return views.find((view) => sameFilters(viewFilters(view), filters)) ?? null;
}

/** Views read back from storage, keeping only well-formed ones (storage is not a contract). */
export function parseSavedViews(value: unknown): SavedView[] {
  if (!Array.isArray(value)) return [];
  const views: SavedView[] = [];
  for (const item of value) {
    if (!item || typeof item !== 'object') continue;
    const { name, query } = item as Record<string, unknown>;
    if (typeof name !== 'string' || typeof query !== 'string') continue;
    const clean = cleanViewName(name);
    if (clean && !views.some((view) => sameName(view.name, clean)))
      views.push({ name: clean, query });
    if (views.length === MAX_SAVED_VIEWS) break;
  }
  return views;
}
