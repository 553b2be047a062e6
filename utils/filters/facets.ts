/**
 * Faceted counts: what each filter menu shows beside its values. A menu counts the sessions
 * that pass every OTHER active filter, not its own (with Status = Error, the User menu says how
 * many errors each user has; the Status menu still says how many of each status there would be
 * for the other filters). All menus are counted in one pass over the rows: a row that fails two
 * or more menus' selections counts nowhere, a row that fails exactly one counts in that menu
 * only, a row that passes all counts everywhere. The other filters (search, dates, ACUs...) are
 * tested only on the rows still in the running, and the search text last.
 */
import type { SessionRow } from '../db/types';
import { repositoryKeyOf } from '../pr-urls/repository';
import { compileFilters, prStateOf, type SearchIndex } from './match';
import type { SessionFilters } from './model';
import type { Facets } from './totals';

/** The menus, in the order of `Facets`' lists. */
const MENUS = [
  'statuses',
  'orgIds',
  'userIds',
  'tags',
  'prStates',
  'repos',
  'statusDetails',
  'categories',
  'languages',
] as const;
type Menu = (typeof MENUS)[number];
type Counts = Record<Menu, Map<string, number>>;

/** The values a row offers to one menu (a session counts once per value). */
function valuesOf(row: SessionRow, menu: Menu): readonly string[] {
  switch (menu) {
    case 'statuses':
      return [row.status];
    case 'orgIds':
      return [row.org_id];
    case 'userIds':
      return row.user_id === null ? [] : [row.user_id];
    case 'tags':
      return row.tags;
    case 'prStates':
      return row.pull_requests.length === 0
        ? []
        : [...new Set(row.pull_requests.map((pr) => prStateOf(pr.state)))];
    case 'repos':
      return row.pr_keys.length === 0 ? [] : [...new Set(row.pr_keys.map(repositoryKeyOf))];
    case 'statusDetails':
      return row.status_detail ? [row.status_detail] : [];
    case 'categories':
      return row.category ? [row.category] : [];
    case 'languages':
      return row.languages ?? [];
  }
}

/** Whether any menu has a selection (otherwise every menu counts the filtered list itself). */
export function hasMenuFilter(filters: SessionFilters): boolean {
  return MENUS.some((menu) => filters[menu].length > 0);
}

function bump(counts: Map<string, number>, values: readonly string[]): void {
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
}

/**
 * The menus' values and counts: every value of `all` (the whole cache's facets, so a menu keeps
 * its values when the other filters leave none of them), counted among `rows` as described
 * above, most first. `rows` may be the filtered list when no menu has a selection.
 */
export function countFacets(
  all: Facets,
  rows: readonly SessionRow[],
  filters: SessionFilters,
  searchIndex: SearchIndex | null,
  now: number,
): Facets {
  const active = MENUS.filter((menu) => filters[menu].length > 0).map((menu) => ({
    menu,
    chosen: new Set(filters[menu]),
  }));
  const cleared: SessionFilters = { ...filters };
  for (const menu of MENUS) cleared[menu] = [];
  const rest = compileFilters(cleared, now);
  const counts = Object.fromEntries(MENUS.map((menu) => [menu, new Map()])) as Counts;

  for (const row of rows) {
    let missed: Menu | null = null;
    let misses = 0;
    for (const { menu, chosen } of active) {
      if (valuesOf(row, menu).some((value) => chosen.has(value))) continue;
      missed = menu;
      if (++misses > 1) break;
    }
    if (misses > 1) continue;
    const text = rest.usesText ? searchIndex?.get(row.session_id) : undefined;
    if (!rest.matches(row, text)) continue;
    if (missed !== null) bump(counts[missed], valuesOf(row, missed));
    else for (const menu of MENUS) bump(counts[menu], valuesOf(row, menu));
  }

  const result = { archived: all.archived } as Facets;
  for (const menu of MENUS) {
    const menuCounts = counts[menu];
    result[menu] = all[menu]
      .map(({ value }) => ({ value, count: menuCounts.get(value) ?? 0 }))
      .sort((a, b) => b.count - a.count);
  }
  return result;
}
