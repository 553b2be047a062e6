/**
 * Filters to and from a query string, so a URL reproduces a view (bookmarks, shared links,
 * "Open in tab"). Only what differs from the defaults is written. Reading is forgiving: a
 * value that makes no sense is ignored rather than failing the page.
 *
 *   q=flaky%20test            text
 *   status=error,exit         statuses (any of)
 *   org=o1,o2  user=u1,u2     organizations, users (any of)
 *   tag=a&tag=b               tags (any of; repeated because tags are free text)
 *   created=7d                preset 24h | 7d | 30d
 *   updated=2024-05-01..2024-05-08   custom local days, both included; either end may be empty
 *   acu_min=1.5  acu_max=10
 *   has_pr=yes|no  pr_state=open,merged  analysis=has|has-issues|none
 *   sort=updated|created|acus|status|title|org|user|repo|prs  dir=asc|desc
 *   ids=a,b,c                 explicit session ids
 *   pr=github.com/o/r/pull/1  normalized PR key (a full PR URL is normalized on the way in)
 *   repo=github.com/o/r       repositories (any of; repeated)
 *   detail=waiting_for_user   v3 status details (any of)
 *   category=a&lang=go        v3 analysis category, programming language (any of; repeated)
 *   archived=yes|no           v3 archived sessions only, or none of them
 *
 * `session=<id>` (the open detail) is not a filter; pages read it beside the filters.
 */
import { normalizePullRequestUrl } from '../pr-urls';
import {
  type AnalysisFilter,
  type ArchivedFilter,
  DATE_PRESETS,
  type DatePreset,
  type DateRange,
  DEFAULT_SORT,
  emptyFilters,
  type HasPr,
  isAnyDate,
  isValidDay,
  type SessionFilters,
  type SortDir,
  type SortField,
} from './model';

export const SESSION_PARAM = 'session';

const ANALYSIS_VALUES: readonly AnalysisFilter[] = ['any', 'has', 'has-issues', 'none'];
const HAS_PR_VALUES: readonly HasPr[] = ['any', 'yes', 'no'];
const ARCHIVED_VALUES: readonly ArchivedFilter[] = ['any', 'yes', 'no'];
const SORT_FIELDS: readonly SortField[] = [
  'updated',
  'created',
  'acus',
  'status',
  'title',
  'org',
  'user',
  'repo',
  'prs',
];
const SORT_DIRS: readonly SortDir[] = ['asc', 'desc'];

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
}

function formatRange(range: DateRange): string | null {
  if (isAnyDate(range)) return null;
  if (range.preset !== null) return range.preset;
  return `${range.from ?? ''}..${range.to ?? ''}`;
}

function parseRange(value: string | null): DateRange {
  const any: DateRange = { preset: null, from: null, to: null };
  if (value === null) return any;
  const preset = oneOf<DatePreset>(DATE_PRESETS, value.trim());
  if (preset) return { ...any, preset };
  const parts = value.split('..');
  if (parts.length !== 2) return any;
  const [from, to] = parts.map((part) => part.trim());
  return {
    preset: null,
    from: from && isValidDay(from) ? from : null,
    to: to && isValidDay(to) ? to : null,
  };
}

function parseNumber(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  const number = Number(value);
  return Number.isFinite(number) && number >= 0 ? number : null;
}

/** Every value of a list parameter, whether repeated (`a=1&a=2`) or comma separated. */
function parseList(params: URLSearchParams, name: string, splitCommas = true): string[] {
  const values = params
    .getAll(name)
    .flatMap((value) => (splitCommas ? value.split(',') : [value]))
    .map((value) => value.trim())
    .filter((value) => value !== '');
  return [...new Set(values)];
}

function normalizePrKey(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) return normalizePullRequestUrl(trimmed);
  return trimmed.toLowerCase();
}

export function filtersToSearchParams(filters: SessionFilters): URLSearchParams {
  const params = new URLSearchParams();
  const text = filters.text.trim();
  if (text) params.set('q', filters.text);
  if (filters.statuses.length > 0) params.set('status', filters.statuses.join(','));
  if (filters.orgIds.length > 0) params.set('org', filters.orgIds.join(','));
  if (filters.userIds.length > 0) params.set('user', filters.userIds.join(','));
  for (const tag of filters.tags) params.append('tag', tag);
  const created = formatRange(filters.created);
  if (created) params.set('created', created);
  const updated = formatRange(filters.updated);
  if (updated) params.set('updated', updated);
  if (filters.acuMin !== null) params.set('acu_min', String(filters.acuMin));
  if (filters.acuMax !== null) params.set('acu_max', String(filters.acuMax));
  if (filters.hasPr !== 'any') params.set('has_pr', filters.hasPr);
  if (filters.prStates.length > 0) params.set('pr_state', filters.prStates.join(','));
  if (filters.analysis !== 'any') params.set('analysis', filters.analysis);
  if (filters.sort.field !== DEFAULT_SORT.field) params.set('sort', filters.sort.field);
  if (filters.sort.dir !== DEFAULT_SORT.dir) params.set('dir', filters.sort.dir);
  if (filters.sessionIds.length > 0) params.set('ids', filters.sessionIds.join(','));
  if (filters.prKey !== null) params.set('pr', filters.prKey);
  for (const repo of filters.repos) params.append('repo', repo);
  if (filters.statusDetails.length > 0) params.set('detail', filters.statusDetails.join(','));
  for (const category of filters.categories) params.append('category', category);
  for (const language of filters.languages) params.append('lang', language);
  if (filters.archived !== 'any') params.set('archived', filters.archived);
  return params;
}

export function filtersFromSearchParams(input: URLSearchParams | string): SessionFilters {
  const params = typeof input === 'string' ? new URLSearchParams(input) : input;
  const filters = emptyFilters();
  const text = params.get('q');
  if (text !== null && text.trim() !== '') filters.text = text;
  filters.statuses = parseList(params, 'status').map((status) => status.toLowerCase());
  filters.orgIds = parseList(params, 'org');
  filters.userIds = parseList(params, 'user');
  filters.tags = parseList(params, 'tag', false);
  filters.created = parseRange(params.get('created'));
  filters.updated = parseRange(params.get('updated'));
  filters.acuMin = parseNumber(params.get('acu_min'));
  filters.acuMax = parseNumber(params.get('acu_max'));
  filters.hasPr = oneOf(HAS_PR_VALUES, params.get('has_pr')) ?? 'any';
  filters.prStates = parseList(params, 'pr_state').map((state) => state.toLowerCase());
  filters.analysis = oneOf(ANALYSIS_VALUES, params.get('analysis')) ?? 'any';
  filters.sort = {
    field: oneOf(SORT_FIELDS, params.get('sort')) ?? DEFAULT_SORT.field,
    dir: oneOf(SORT_DIRS, params.get('dir')) ?? DEFAULT_SORT.dir,
  };
  filters.sessionIds = parseList(params, 'ids');
  const pr = params.get('pr');
  filters.prKey = pr === null ? null : normalizePrKey(pr);
  filters.repos = parseList(params, 'repo', false).map((repo) => repo.toLowerCase());
  filters.statusDetails = parseList(params, 'detail').map((detail) => detail.toLowerCase());
  filters.categories = parseList(params, 'category', false);
  filters.languages = parseList(params, 'lang', false);
  filters.archived = oneOf(ARCHIVED_VALUES, params.get('archived')) ?? 'any';
  return filters;
}

/** A stable string for a filter set: equal strings narrow and order the list the same way. */
export function filtersKey(filters: SessionFilters): string {
  return filtersToSearchParams(filters).toString();
}

export function sameFilters(a: SessionFilters, b: SessionFilters): boolean {
  return filtersKey(a) === filtersKey(b);
}
