/**
 * Ordering rows by any column the list or the table offers. Text columns sort by what the
 * person reads in the cell (the organization's name, not its id), so the names are passed in.
 *
 * Each row's value is computed once and text is turned into ranks (its place among the
 * distinct values), so the sort itself compares numbers.
 */
import type { SessionRow } from '../db/types';
import { repositoryKeyOf, repositoryLabel } from '../pr-urls/repository';
import { statusWord } from '../status-words';
import type { SortDir, SortField, SortOrder } from './model';

/** Display names of organizations and users; null when unknown (the id is shown instead). */
export interface SortNames {
  orgName: (orgId: string) => string | null;
  userName: (userId: string) => string | null;
}

const NO_NAMES: SortNames = { orgName: () => null, userName: () => null };

const NUMERIC_FIELDS: ReadonlySet<SortField> = new Set(['updated', 'created', 'acus', 'prs']);

/** Fields whose order depends on the names passed in (a sort by them follows name changes). */
export function sortUsesNames(field: SortField): boolean {
  return field === 'org' || field === 'user';
}

/** The repositories of a session's pull requests, as people name them, each once. */
export function repositoriesOf(row: SessionRow): string[] {
  return [...new Set(row.pr_keys.map((key) => repositoryLabel(repositoryKeyOf(key))))];
}

function numericValue(row: SessionRow, field: SortField): number {
  if (field === 'acus') return row.acus_consumed;
  if (field === 'created') return row.created_at;
  if (field === 'prs') return row.pull_requests.length;
  return row.updated_at;
}

/** The text a cell shows; null for an empty cell (no user, no PR), which sorts last. */
function textValue(row: SessionRow, field: SortField, names: SortNames): string | null {
  switch (field) {
    case 'status':
      return statusWord(row.status);
    case 'title':
      return row.title || row.first_line || null;
    case 'org':
      return names.orgName(row.org_id) ?? row.org_id;
    case 'user':
      return row.user_id ? (names.userName(row.user_id) ?? row.user_id) : null;
    case 'repo':
      return repositoriesOf(row).join(', ') || null;
    default:
      return null;
  }
}

const NON_ASCII = /[^ -~\t\n\r]/;
const DIGITS = /\d+/g;
const padDigits = (digits: string) => digits.padStart(16, '0');

/**
 * A text as it sorts: case and accents ignored, runs of digits padded so "issue 9" comes before
 * "issue 10". Plain comparison of these keys is many times faster than a collator, which
 * matters at 50,000 titles.
 */
function collationKey(text: string): string {
  // Most titles are plain ASCII: only others pay for taking accents apart.
  const bare = NON_ASCII.test(text) ? text.normalize('NFD').replace(/\p{M}/gu, '') : text;
  return bare.toLowerCase().replace(DIGITS, padDigits);
}

/** One number per row (NaN: empty). Text becomes its rank among the distinct texts. */
function sortKeys(rows: readonly SessionRow[], field: SortField, names: SortNames): Float64Array {
  const keys = new Float64Array(rows.length);
  if (NUMERIC_FIELDS.has(field)) {
    rows.forEach((row, i) => {
      keys[i] = numericValue(row, field);
    });
    return keys;
  }
  const texts = rows.map((row) => textValue(row, field, names));
  const ranks = new Map<string, number>();
  for (const text of texts) if (text !== null) ranks.set(text, 0);
  // Each distinct text gets a key that plain comparison orders as a reader expects; texts
  // with the same key ("Acme" and "acme") share a rank, so they tie.
  const keyed = [...ranks.keys()].map((text) => [collationKey(text), text] as const);
  keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  let rank = 0;
  keyed.forEach(([key, text], i) => {
    if (i > 0 && keyed[i - 1]?.[0] !== key) rank++;
    ranks.set(text, rank);
  });
  texts.forEach((text, i) => {
    keys[i] = text === null ? Number.NaN : (ranks.get(text) as number);
  });
  return keys;
}

/**
 * A sorted copy. Empty cells go last in either direction (a sort by user keeps the sessions
 * without one out of the way); ties fall back to the newest update, then the id, so the order
 * is stable.
 */
export function sortRows(
  rows: readonly SessionRow[],
  sort: SortOrder,
  names: SortNames = NO_NAMES,
): SessionRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const keys = sortKeys(rows, sort.field, names);
  // Ties are common (a sort by status): their tie-break reads a flat array, not the rows.
  const updated = new Float64Array(rows.length);
  rows.forEach((row, i) => {
    updated[i] = row.updated_at;
  });
  const order = rows.map((_, i) => i);
  order.sort((i, j) => {
    const a = keys[i] as number;
    const b = keys[j] as number;
    if (a !== b) {
      // NaN (an empty cell) is unequal to everything, itself included: checked only here.
      const aEmpty = Number.isNaN(a);
      const bEmpty = Number.isNaN(b);
      if (aEmpty !== bEmpty) return aEmpty ? 1 : -1;
      if (!aEmpty) return sign * (a - b);
    }
    const byUpdate = (updated[j] as number) - (updated[i] as number);
    if (byUpdate !== 0) return byUpdate;
    const idA = (rows[i] as SessionRow).session_id;
    const idB = (rows[j] as SessionRow).session_id;
    return idA < idB ? -1 : idA > idB ? 1 : 0;
  });
  return order.map((i) => rows[i] as SessionRow);
}

/** The direction a column sorts in when first chosen: A to Z for text, most or newest first. */
function firstDirection(field: SortField): SortDir {
  return NUMERIC_FIELDS.has(field) ? 'desc' : 'asc';
}

/** The order after a click on a column's header: that column, or the other way if it already was. */
export function nextSort(current: SortOrder, field: SortField): SortOrder {
  if (current.field === field) return { field, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { field, dir: firstDirection(field) };
}
