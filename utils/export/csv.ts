/**
 * The CSV export: one line per cached session with the fields of the list, for a spreadsheet.
 * RFC 4180 (CRLF line ends, quotes doubled). Every text field is quoted: Excel in a locale
 * whose list separator is `;` would otherwise split a field at `;`. Text that a spreadsheet
 * would run as a formula is prefixed with `'`, and so is each tag of a list on its own, since
 * a list split at `;` would start a live formula at any of its parts.
 *
 * Not translated, on purpose: the header line is the API's field names and the cells are ISO
 * times and plain numbers, so a file made in any language reads the same in a script or a
 * spreadsheet, and the JSON export uses the same names.
 */
import type { SessionRow } from '../db';

export const CSV_COLUMNS = [
  'session_id',
  'title',
  'status',
  'org_id',
  'user_id',
  'created_at',
  'updated_at',
  'acus_consumed',
  'tags',
  'pull_requests',
  'url',
] as const;

export type CsvRow = Pick<
  SessionRow,
  | 'session_id'
  | 'title'
  | 'status'
  | 'org_id'
  | 'user_id'
  | 'created_at'
  | 'updated_at'
  | 'acus_consumed'
  | 'tags'
  | 'pull_requests'
  | 'url'
>;

/**
 * What makes a spreadsheet evaluate a cell: `=`, `+`, `-`, `@`, tab or CR at its start, also
 * after leading spaces (Excel skips them), and the full-width forms some IMEs type (＝＋－＠).
 */
const FORMULA_START = /^[\s\u3000]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Neutralizes a cell a spreadsheet would evaluate, e.g. `=HYPERLINK(...)`. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One text field: guarded, always quoted, quotes doubled. */
export function csvText(value: string | null | undefined): string {
  return `"${guardFormula(value ?? '').replaceAll('"', '""')}"`;
}

/** A list in one field: each part guarded on its own, then the whole as one text field. */
function listCell(parts: readonly string[], separator: string): string {
  return csvText(parts.map(guardFormula).join(separator));
}

function isoTime(epochMs: number): string {
  return Number.isFinite(epochMs) ? new Date(epochMs).toISOString() : '';
}

function numberCell(value: number): string {
  return Number.isFinite(value) ? String(value) : '';
}

function toCsvLine(row: CsvRow): string {
  return [
    csvText(row.session_id),
    csvText(row.title),
    csvText(row.status),
    csvText(row.org_id),
    csvText(row.user_id),
    isoTime(row.created_at),
    isoTime(row.updated_at),
    numberCell(row.acus_consumed),
    listCell(row.tags, ';'),
    listCell(
      row.pull_requests.map((pr) => pr.url),
      ' ',
    ),
    csvText(row.url),
  ].join(',');
}

/** Header line and one line per row, newest first; every line ends with CRLF. */
export function toCsv(rows: readonly CsvRow[]): string {
  const sorted = [...rows].sort(
    (a, b) => b.created_at - a.created_at || (a.session_id < b.session_id ? -1 : 1),
  );
  return [CSV_COLUMNS.join(','), ...sorted.map(toCsvLine)].map((line) => `${line}\r\n`).join('');
}
