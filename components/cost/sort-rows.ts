/**
 * The order of a cost table's rows for a clicked header: numbers by value (a missing ratio, NaN,
 * always last), text by the reader's collation; ties keep the model's order.
 */
import type { TableModel } from '../../utils/insights/tables';

export interface SortState {
  column: number;
  dir: 'asc' | 'desc';
}

type Row = TableModel['rows'][number];

function compareValues(a: string | number | undefined, b: string | number | undefined): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a ?? '').localeCompare(String(b ?? ''));
}

function missing(value: string | number | undefined): boolean {
  return typeof value === 'number' && Number.isNaN(value);
}

export function sortRows(rows: readonly Row[], sort: SortState | null): Row[] {
  if (sort === null) return [...rows];
  const sign = sort.dir === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: row.cells[sort.column]?.value }))
    .sort((a, b) => {
      const am = missing(a.value);
      const bm = missing(b.value);
      if (am || bm) return am === bm ? a.index - b.index : am ? 1 : -1;
      return sign * compareValues(a.value, b.value) || a.index - b.index;
    })
    .map((entry) => entry.row);
}
