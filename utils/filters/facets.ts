/**
 * Faceted counts: what each filter menu shows beside its values. A menu counts the sessions
 * that pass every OTHER active filter, not its own (with Status = Error, the User menu says how
 * many errors each user has; the Status menu still says how many of each status there would be
 * for the other filters).
 *
 * All menus are counted in one pass: a row that fails two or more menus' selections counts
 * nowhere, a row that fails exactly one counts in that menu only, a row that passes them all
 * counts everywhere. The other filters (search, dates, ACUs...) are tested only on the rows
 * still in the running. At 50,000 rows a filter change must not re-read every row's values, so
 * each row's values are coded as numbers once (`FacetColumns`, built when the rows change) and a
 * count is then integer additions.
 */
import type { SessionRow } from '../db/types';
import { repositoryKeyOf } from '../pr-urls/repository';
import { compileFilters, prStateOf, type SearchIndex } from './match';
import type { SessionFilters } from './model';

interface FacetValue {
  value: string;
  count: number;
}

/** The menus that show counts, each a list of values in `SessionFilters` of the same name. */
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

export type Facets = Record<Menu, FacetValue[]> & {
  /** Archived sessions in the whole cache (the Archived control shows when there are some). */
  archived: number;
};

/** The values a row offers to a menu of lists, each once (two PRs to one repository count once). */
function valuesOf(row: SessionRow, menu: Exclude<Menu, SingleMenu>): readonly string[] {
  switch (menu) {
    case 'tags':
      return row.tags;
    case 'prStates':
      if (row.pull_requests.length === 0) return [];
      return [...new Set(row.pull_requests.map((pr) => prStateOf(pr.state)))];
    case 'repos':
      if (row.pr_keys.length === 0) return [];
      return [...new Set(row.pr_keys.map(repositoryKeyOf))];
    case 'languages':
      return row.languages ?? [];
  }
}

/** The menus where a row offers one value at most (its status, its organization...). */
type SingleMenu = 'statuses' | 'orgIds' | 'userIds' | 'statusDetails' | 'categories';

function singleValueOf(row: SessionRow, menu: SingleMenu): string | null {
  switch (menu) {
    case 'statuses':
      return row.status;
    case 'orgIds':
      return row.org_id;
    case 'userIds':
      return row.user_id;
    case 'statusDetails':
      return row.status_detail || null;
    case 'categories':
      return row.category || null;
  }
}

const SINGLE_MENUS: ReadonlySet<Menu> = new Set<SingleMenu>([
  'statuses',
  'orgIds',
  'userIds',
  'statusDetails',
  'categories',
]);

/** The code of "no value" in a one-value column. */
const NONE = 0xffffffff;

/**
 * One menu's values of every row: row i's codes are `codes[start[i]..start[i + 1])`; in a
 * one-value menu `start` is null and row i's code is `codes[i]` (NONE for no value), which
 * at 200,000 rows spares a start offset per row.
 */
interface Column {
  values: string[];
  start: Uint32Array | null;
  codes: Uint32Array;
  /** Rows per value over all rows: the order of values with equal counts. */
  total: Uint32Array;
}

function totalsOf(codes: Uint32Array, values: number): Uint32Array {
  const total = new Uint32Array(values);
  for (const code of codes) if (code !== NONE) total[code] = (total[code] as number) + 1;
  return total;
}

function buildColumn(rows: readonly SessionRow[], menu: Menu): Column {
  const values: string[] = [];
  const codeOf = new Map<string, number>();
  const codeFor = (value: string): number => {
    let code = codeOf.get(value);
    if (code === undefined) {
      code = values.length;
      codeOf.set(value, code);
      values.push(value);
    }
    return code;
  };
  if (SINGLE_MENUS.has(menu)) {
    const codes = new Uint32Array(rows.length);
    rows.forEach((row, i) => {
      const value = singleValueOf(row, menu as SingleMenu);
      codes[i] = value === null ? NONE : codeFor(value);
    });
    return { values, start: null, codes, total: totalsOf(codes, values.length) };
  }
  const start = new Uint32Array(rows.length + 1);
  const codes: number[] = [];
  rows.forEach((row, i) => {
    start[i] = codes.length;
    for (const value of valuesOf(row, menu as Exclude<Menu, SingleMenu>))
      codes.push(codeFor(value));
  });
  start[rows.length] = codes.length;
  const packed = Uint32Array.from(codes);
  return { values, start, codes: packed, total: totalsOf(packed, values.length) };
}

export class FacetColumns {
  private readonly columns: Record<Menu, Column>;
  private readonly archived: number;

  constructor(private readonly rows: readonly SessionRow[]) {
    this.columns = Object.fromEntries(
      MENUS.map((menu) => [menu, buildColumn(rows, menu)]),
    ) as Record<Menu, Column>;
    this.archived = rows.reduce((n, row) => n + (row.archived ? 1 : 0), 0);
  }

  /**
   * Every menu's values, counted as described above, most first. `passing`, when given, are
   * the positions of the rows that pass all of `filters` (the list's result): with no menu
   * selection those are exactly the rows every menu counts, and only they are read.
   */
  count(
    filters: SessionFilters,
    searchIndex: SearchIndex | null,
    now: number,
    passing?: readonly number[] | null,
  ): Facets {
    const columns = MENUS.map((menu) => this.columns[menu]);
    const counts = columns.map((column) => new Uint32Array(column.values.length));
    const bumpAll = (i: number) => {
      for (let m = 0; m < columns.length; m++) {
        this.bump(counts[m] as Uint32Array, columns[m] as Column, i);
      }
    };
    const active = MENUS.filter((menu) => filters[menu].length > 0);
    if (active.length === 0 && passing) {
      for (const i of passing) bumpAll(i);
    } else {
      const chosen = active.map((menu) => this.flags(menu, filters[menu]));
      const cleared: SessionFilters = { ...filters };
      for (const menu of MENUS) cleared[menu] = [];
      const rest = compileFilters(cleared, now);
      for (let i = 0; i < this.rows.length; i++) {
        let missed = -1;
        for (let m = 0; m < active.length; m++) {
          if (this.offers(this.columns[active[m] as Menu], i, chosen[m] as Uint8Array)) continue;
          if (missed >= 0) {
            missed = -2;
            break;
          }
          missed = m;
        }
        if (missed === -2) continue;
        const row = this.rows[i] as SessionRow;
        if (!rest.matches(row, rest.usesText ? searchIndex?.get(row.session_id) : undefined)) {
          continue;
        }
        if (missed === -1) bumpAll(i);
        else {
          const m = MENUS.indexOf(active[missed] as Menu);
          this.bump(counts[m] as Uint32Array, columns[m] as Column, i);
        }
      }
    }
    const result = { archived: this.archived } as Facets;
    MENUS.forEach((menu, m) => {
      result[menu] = this.listed(columns[m] as Column, counts[m] as Uint32Array);
    });
    return result;
  }

  private bump(counts: Uint32Array, column: Column, i: number): void {
    const { start, codes } = column;
    if (start === null) {
      const code = codes[i] as number;
      if (code !== NONE) counts[code] = (counts[code] as number) + 1;
      return;
    }
    for (let k = start[i] as number; k < (start[i + 1] as number); k++) {
      const code = codes[k] as number;
      counts[code] = (counts[code] as number) + 1;
    }
  }

  private flags(menu: Menu, chosen: readonly string[]): Uint8Array {
    const column = this.columns[menu];
    const wanted = new Set(chosen);
    return Uint8Array.from(column.values, (value) => (wanted.has(value) ? 1 : 0));
  }

  private offers(column: Column, i: number, flags: Uint8Array): boolean {
    const { start, codes } = column;
    if (start === null) {
      const code = codes[i] as number;
      return code !== NONE && flags[code] === 1;
    }
    for (let k = start[i] as number; k < (start[i + 1] as number); k++) {
      if (flags[codes[k] as number] === 1) return true;
    }
    return false;
  }

  /** Every value of the cache (a menu keeps its values when no row here has them). */
  private listed(column: Column, counts: Uint32Array): FacetValue[] {
    return column.values
      .map((value, code) => ({ value, count: counts[code] as number, code }))
      .sort(
        (a, b) =>
          b.count - a.count ||
          (column.total[b.code] as number) - (column.total[a.code] as number) ||
          (a.value < b.value ? -1 : 1),
      )
      .map(({ value, count }) => ({ value, count }));
  }
}
