/**
 * The filter model shared by the session browser (popup and tab) and, later, Insights.
 * Plain data only (no Dates, no Sets) so it can go to a URL, to storage or to a worker as is.
 */

export type DatePreset = '24h' | '7d' | '30d';
export const DATE_PRESETS: readonly DatePreset[] = ['24h', '7d', '30d'];

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

const PRESET_DURATION_MS: Record<DatePreset, number> = {
  '24h': DAY_MS,
  '7d': 7 * DAY_MS,
  '30d': 30 * DAY_MS,
};

/**
 * A time window on one timestamp. Either a preset counted back from "now", or custom local
 * calendar days (`YYYY-MM-DD`, both ends included, either end open), or nothing (any time).
 */
export interface DateRange {
  preset: DatePreset | null;
  from: string | null;
  to: string | null;
}

export type HasPr = 'any' | 'yes' | 'no';
/** Archived sessions (v3) are kept and marked; this narrows to or away from them. */
export type ArchivedFilter = 'any' | 'yes' | 'no';
export type AnalysisFilter = 'any' | 'has' | 'has-issues' | 'none';
/** The list's orders, and the table's columns beyond them (each header sorts by its column). */
export type SortField =
  | 'updated'
  | 'created'
  | 'acus'
  | 'status'
  | 'title'
  | 'org'
  | 'user'
  | 'repo'
  | 'prs';
export type SortDir = 'asc' | 'desc';

export interface SortOrder {
  field: SortField;
  dir: SortDir;
}

export interface SessionFilters {
  /** Free text; every word (or "quoted phrase") must appear. */
  text: string;
  statuses: string[];
  orgIds: string[];
  userIds: string[];
  /** A session matches when it has any of these tags. */
  tags: string[];
  created: DateRange;
  updated: DateRange;
  acuMin: number | null;
  acuMax: number | null;
  hasPr: HasPr;
  /** Lower-case PR states (`open`, `merged`, `closed`, ...; `unknown` for a PR without one). */
  prStates: string[];
  analysis: AnalysisFilter;
  sort: SortOrder;
  /** Explicit session ids (`?ids=a,b,c`); empty means no restriction. */
  sessionIds: string[];
  /** A normalized PR key (see utils/pr-urls); sessions whose `pr_keys` contain it. */
  prKey: string | null;
  /** Repository keys (`github.com/acme/web`, see utils/pr-urls/repository.ts), any of. */
  repos: string[];
  /** v3 status details (`waiting_for_user`, ...), any of. */
  statusDetails: string[];
  /** v3 analysis categories, any of. */
  categories: string[];
  /** v3 programming languages, any of. */
  languages: string[];
  archived: ArchivedFilter;
}

const ANY_DATE: DateRange = Object.freeze({ preset: null, from: null, to: null });
export const DEFAULT_SORT: SortOrder = Object.freeze({ field: 'updated', dir: 'desc' });

export function emptyFilters(): SessionFilters {
  return {
    text: '',
    statuses: [],
    orgIds: [],
    userIds: [],
    tags: [],
    created: { ...ANY_DATE },
    updated: { ...ANY_DATE },
    acuMin: null,
    acuMax: null,
    hasPr: 'any',
    prStates: [],
    analysis: 'any',
    sort: { ...DEFAULT_SORT },
    sessionIds: [],
    prKey: null,
    repos: [],
    statusDetails: [],
    categories: [],
    languages: [],
    archived: 'any',
  };
}

export const PR_STATE_UNKNOWN = 'unknown';

export function isAnyDate(range: DateRange): boolean {
  return range.preset === null && range.from === null && range.to === null;
}

/** Filters that narrow the list (the sort order does not count). */
export function countActiveFilters(filters: SessionFilters): number {
  let count = 0;
  if (filters.text.trim() !== '') count++;
  if (filters.statuses.length > 0) count++;
  if (filters.orgIds.length > 0) count++;
  if (filters.userIds.length > 0) count++;
  if (filters.tags.length > 0) count++;
  if (!isAnyDate(filters.created)) count++;
  if (!isAnyDate(filters.updated)) count++;
  if (filters.acuMin !== null) count++;
  if (filters.acuMax !== null) count++;
  if (filters.hasPr !== 'any') count++;
  if (filters.prStates.length > 0) count++;
  if (filters.analysis !== 'any') count++;
  if (filters.sessionIds.length > 0) count++;
  if (filters.prKey !== null) count++;
  if (filters.repos.length > 0) count++;
  if (filters.statusDetails.length > 0) count++;
  if (filters.categories.length > 0) count++;
  if (filters.languages.length > 0) count++;
  if (filters.archived !== 'any') count++;
  return count;
}

/** Clears every narrowing filter, keeping the sort order. */
export function clearFilters(filters: SessionFilters): SessionFilters {
  return { ...emptyFilters(), sort: { ...filters.sort } };
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight of a `YYYY-MM-DD` day, or null when it is not a real calendar day. */
function dayStart(day: string): number | null {
  const match = DAY_PATTERN.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const value = new Date(year, month - 1, date);
  if (value.getFullYear() !== year || value.getMonth() !== month - 1 || value.getDate() !== date) {
    return null;
  }
  return value.getTime();
}

export function isValidDay(day: string): boolean {
  return dayStart(day) !== null;
}

/** `YYYY-MM-DD` of an instant in local time. */
export function toDay(epochMs: number): string {
  const date = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The window as epoch ms, `from` included and `to` excluded; null bounds are open. */
export function resolveDateRange(
  range: DateRange,
  now: number,
): { from: number | null; to: number | null } {
  if (range.preset !== null) return { from: now - PRESET_DURATION_MS[range.preset], to: null };
  const from = range.from === null ? null : dayStart(range.from);
  const toStart = range.to === null ? null : dayStart(range.to);
  // The end day is included: the window runs to the next local midnight.
  const to = toStart === null ? null : nextDayStart(toStart);
  return { from, to };
}

function nextDayStart(start: number): number {
  const date = new Date(start);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1).getTime();
}
