/**
 * The CSV export: one line per cached session with the fields of the list, for a spreadsheet.
 * RFC 4180 (CRLF line ends, quotes doubled, quoted when needed), and text that a spreadsheet
 * would run as a formula (`=`, `+`, `-`, `@`, tab, CR) is prefixed with `'`.
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

const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralizes a cell a spreadsheet would evaluate, e.g. `=HYPERLINK(...)`. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One RFC 4180 field: quoted when it holds a quote, comma, CR or LF; quotes doubled. */
export function quoteField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function textCell(value: string | null | undefined): string {
  return quoteField(guardFormula(value ?? ''));
}

function isoTime(epochMs: number): string {
  return Number.isFinite(epochMs) ? new Date(epochMs).toISOString() : '';
}

function numberCell(value: number): string {
  return Number.isFinite(value) ? String(value) : '';
}

function toCsvLine(row: CsvRow): string {
  return [
    textCell(row.session_id),
    textCell(row.title),
    textCell(row.status),
    textCell(row.org_id),
    textCell(row.user_id),
    isoTime(row.created_at),
    isoTime(row.updated_at),
    numberCell(row.acus_consumed),
    textCell(row.tags.join(';')),
    textCell(row.pull_requests.map((pr) => pr.url).join(' ')),
    textCell(row.url),
  ].join(',');
}

/** Header line and one line per row, newest first; every line ends with CRLF. */
export function toCsv(rows: readonly CsvRow[]): string {
  const sorted = [...rows].sort(
    (a, b) => b.created_at - a.created_at || (a.session_id < b.session_id ? -1 : 1),
  );
  return [CSV_COLUMNS.join(','), ...sorted.map(toCsvLine)].map((line) => `${line}\r\n`).join('');
}
