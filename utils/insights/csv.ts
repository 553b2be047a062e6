/**
 * A table of the Insights page as CSV (as the session export writes it: text quoted and guarded
 * against formulas, see ../export/csv.ts): raw numbers
 * (ACUs to two decimals, rates as percentages), ISO times, ids beside names.
 */
import { csvText } from '../export/csv';
import type { Cell, CellFormat, TableModel } from './tables';

function csvValue(cell: Cell | undefined, format: CellFormat): string {
  const value = cell?.value ?? '';
  if (typeof value === 'string') return csvText(value);
  if (!Number.isFinite(value)) return '';
  switch (format) {
    case 'percent':
      return String(Math.round(value * 1000) / 10);
    case 'acus':
      return String(Math.round(value * 100) / 100);
    case 'date':
    case 'datetime':
      return new Date(value).toISOString();
    default:
      return String(value);
  }
}

function csvLabel(label: string, format: CellFormat): string {
  return csvText(format === 'percent' ? `${label} (%)` : label);
}

export function tableToCsv(table: TableModel): string {
  const header = table.columns.map((column) => csvLabel(column.label, column.format)).join(',');
  const lines = table.rows.map((row) =>
    table.columns.map((column, i) => csvValue(row.cells[i], column.format)).join(','),
  );
  return [header, ...lines].map((line) => `${line}\r\n`).join('');
}

/** `devin-insights-users-2025-05-01.csv` (local date). */
export function csvFileName(table: TableModel, now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `devin-insights-${table.id}-${date}.csv`;
}
