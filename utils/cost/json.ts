/**
 * A table of the Cost view as JSON, with the figures the CSV file has (ACUs to two decimals,
 * shares as percentages, ISO times): one object per row, keyed by column heading. A missing
 * ratio is null. API text goes in as JSON strings, which no spreadsheet evaluates.
 */
import type { CellFormat, TableModel } from '../insights/tables';

function jsonValue(value: string | number | undefined, format: CellFormat): string | number | null {
  if (value === undefined) return null;
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return null;
  switch (format) {
    case 'percent':
      return Math.round(value * 1000) / 10;
    case 'acus':
      return Math.round(value * 100) / 100;
    case 'date':
    case 'datetime':
      return new Date(value).toISOString();
    default:
      return value;
  }
}

export function tableToJson(table: TableModel): string {
  const keys = table.columns.map((c) => (c.format === 'percent' ? `${c.label} (%)` : c.label));
  const rows = table.rows.map((row) =>
    Object.fromEntries(
      table.columns.map((column, i) => [keys[i], jsonValue(row.cells[i]?.value, column.format)]),
    ),
  );
  return `${JSON.stringify(rows, null, 2)}\n`;
}
