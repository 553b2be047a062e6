/**
 * "Export these N sessions": the sessions the list shows, with the current filters, in the
 * words the UI uses. Readable columns (organization and user names beside their ids, the
 * status word, PR states, repositories, issue count), unlike the full export of the options
 * page, which keeps the API's fields for re-import. Times are ISO; text is guarded as in csv.ts.
 */
import type { SessionRow } from '../db/types';
import { repositoryKeyOf, repositoryLabel } from '../pr-urls/repository';
import { statusWord } from '../status-words';
import { csvText } from './csv';

export interface ExportNames {
  orgName: (orgId: string) => string | null;
  userName: (userId: string) => string | null;
}

interface ViewRecord {
  session_id: string;
  title: string;
  status: string;
  organization: string;
  org_id: string;
  user: string;
  user_id: string;
  created_at: string;
  updated_at: string;
  acus: number;
  repositories: string[];
  pull_requests: string[];
  pr_states: string[];
  issues: number;
  url: string;
}

const COLUMNS: readonly (keyof ViewRecord)[] = [
  'session_id',
  'title',
  'status',
  'organization',
  'org_id',
  'user',
  'user_id',
  'created_at',
  'updated_at',
  'acus',
  'repositories',
  'pull_requests',
  'pr_states',
  'issues',
  'url',
];

function iso(epochMs: number): string {
  return Number.isFinite(epochMs) ? new Date(epochMs).toISOString() : '';
}

function toViewRecord(row: SessionRow, names: ExportNames): ViewRecord {
  return {
    session_id: row.session_id,
    title: row.title || row.first_line,
    status: statusWord(row.status),
    organization: names.orgName(row.org_id) ?? '',
    org_id: row.org_id,
    user: row.user_id ? (names.userName(row.user_id) ?? '') : '',
    user_id: row.user_id ?? '',
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    acus: row.acus_consumed,
    repositories: [...new Set(row.pr_keys.map(repositoryKeyOf))].map(repositoryLabel),
    pull_requests: row.pull_requests.map((pr) => pr.url),
    pr_states: row.pull_requests.map((pr) => (pr.state ?? 'unknown').toLowerCase()),
    issues: row.analysis?.issue_count ?? 0,
    url: row.url,
  };
}

function cell(value: ViewRecord[keyof ViewRecord]): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (Array.isArray(value)) return csvText(value.join(' '));
  return csvText(value);
}

/** The rows in the list's order, as CSV (CRLF lines, a header first). */
export function viewToCsv(rows: readonly SessionRow[], names: ExportNames): string {
  const lines = rows.map((row) => {
    const record = toViewRecord(row, names);
    return COLUMNS.map((column) => cell(record[column])).join(',');
  });
  return [COLUMNS.join(','), ...lines].map((line) => `${line}\r\n`).join('');
}

/** The rows in the list's order, as JSON records. */
export function viewToJson(rows: readonly SessionRow[], names: ExportNames): string {
  return `${JSON.stringify(
    rows.map((row) => toViewRecord(row, names)),
    null,
    2,
  )}\n`;
}
