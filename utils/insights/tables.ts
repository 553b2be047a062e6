/**
 * The numbers of the Insights page as tables: one model feeds the HTML tables, the CSV files
 * and the chart's table view, so what is shown, downloaded and clicked always agree. A cell that
 * counts sessions carries the selection of exactly those sessions. This file holds the model;
 * the tables themselves are built in day-tables.ts, group-tables.ts, costliest-table.ts,
 * analysis-tables.ts and pr-table.ts, with the names they show from display-names.ts.
 */
import type { Selection } from './select';

export type CellFormat = 'text' | 'count' | 'acus' | 'percent' | 'day' | 'date' | 'datetime';

export interface Column {
  label: string;
  format: CellFormat;
  /** Only in the CSV (e.g. raw ids next to names). */
  csvOnly?: boolean;
  /** A shorter heading for the page (the CSV keeps `label`). */
  short?: string;
}

export interface Cell {
  value: string | number;
  /** The sessions behind the value. */
  select?: Selection;
  /** A direct link (relative to the extension's pages), instead of a selection. */
  href?: string;
  /** A tooltip: what the number counts. */
  title?: string;
}

interface TableRow {
  key: string;
  cells: Cell[];
}

export interface TableModel {
  id: string;
  title: string;
  columns: Column[];
  rows: TableRow[];
}
