/**
 * The session table's columns: which there are, which show and how wide they are. Plain data
 * that goes to storage as is; reading it back is forgiving (a column removed in a later
 * version, a width out of range), so a stored value never breaks the table.
 */
import type { SortField, SortOrder } from '../filters/model';
import { t } from '../i18n';

/** A column is named by the sort it offers: a click on its header sorts by it. */
export type ColumnId = SortField;

export interface ColumnDef {
  id: ColumnId;
  /** The header, in the browser's language (read when drawn, never stored). */
  readonly label: string;
  /** Pixels, before the person resizes it. */
  width: number;
  /** Numbers line up on the right. */
  numeric?: boolean;
}

/**
 * A column whose label is looked up each time it is read: the list is made once at start-up,
 * the text follows the browser's language (and a test's fake locale) when the table draws.
 */
function column(id: ColumnId, width: number, numeric?: boolean): ColumnDef {
  return {
    id,
    width,
    ...(numeric ? { numeric } : {}),
    get label() {
      return t(`background.columns.${id}`);
    },
  };
}

export const COLUMNS: readonly ColumnDef[] = [
  column('status', 120),
  column('title', 320),
  column('org', 150),
  column('user', 140),
  column('repo', 170),
  column('acus', 80, true),
  column('created', 110),
  column('updated', 110),
  column('prs', 210),
];

/** The title holds the button that opens a row: it always shows. */
export const ALWAYS_SHOWN: ColumnId = 'title';
export const MIN_WIDTH = 60;
export const MAX_WIDTH = 800;

export interface TableColumns {
  hidden: ColumnId[];
  /** Widths the person chose; others are the column's default. */
  widths: Partial<Record<ColumnId, number>>;
}

export const DEFAULT_TABLE_COLUMNS: TableColumns = Object.freeze({ hidden: [], widths: {} });

const BY_ID = new Map(COLUMNS.map((column) => [column.id, column]));

function clampWidth(width: number): number {
  return Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width)));
}

/** A stored value made safe to use: unknown columns dropped, widths in range, title shown. */
export function normalizeColumns(stored: unknown): TableColumns {
  if (typeof stored !== 'object' || stored === null) return DEFAULT_TABLE_COLUMNS;
  const { hidden, widths } = stored as { hidden?: unknown; widths?: unknown };
  const hiddenIds = Array.isArray(hidden)
    ? [...new Set(hidden)].filter(
        (id): id is ColumnId => BY_ID.has(id as ColumnId) && id !== ALWAYS_SHOWN,
      )
    : [];
  const cleanWidths: Partial<Record<ColumnId, number>> = {};
  if (typeof widths === 'object' && widths !== null) {
    for (const [id, width] of Object.entries(widths)) {
      if (BY_ID.has(id as ColumnId) && typeof width === 'number' && Number.isFinite(width)) {
        cleanWidths[id as ColumnId] = clampWidth(width);
      }
    }
  }
  return { hidden: hiddenIds, widths: cleanWidths };
}

export function columnWidth(state: TableColumns, id: ColumnId): number {
  return state.widths[id] ?? BY_ID.get(id)?.width ?? MIN_WIDTH;
}

/** The columns to draw, in order, with their widths. */
export function shownColumns(state: TableColumns): (ColumnDef & { width: number })[] {
  const hidden = new Set(state.hidden);
  return COLUMNS.filter((column) => !hidden.has(column.id)).map((column) => ({
    ...column,
    width: columnWidth(state, column.id),
  }));
}

export function setColumnShown(state: TableColumns, id: ColumnId, shown: boolean): TableColumns {
  if (id === ALWAYS_SHOWN || !BY_ID.has(id)) return state;
  const hidden = state.hidden.filter((other) => other !== id);
  return { ...state, hidden: shown ? hidden : [...hidden, id] };
}

/** Sets a column's width, kept between MIN_WIDTH and MAX_WIDTH. */
export function resizeColumn(state: TableColumns, id: ColumnId, width: number): TableColumns {
  if (!BY_ID.has(id)) return state;
  return { ...state, widths: { ...state.widths, [id]: clampWidth(width) } };
}

/** How the sort select names an order chosen from a table header ("Repository, descending"). */
export function columnSortLabel(sort: SortOrder): string {
  const label = BY_ID.get(sort.field)?.label ?? sort.field;
  return sort.dir === 'asc'
    ? t('background.columns.sortAscending', { column: label })
    : t('background.columns.sortDescending', { column: label });
}
