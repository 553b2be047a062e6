/**
 * From a number on the Insights page to the sessions behind it, and to the list URL that shows
 * exactly those sessions. A selection narrows the computed set by day, group, flags, PR state or
 * bucket. The link is the page's filters narrowed further when the filter model can say it
 * exactly (`sessions.html?org=…&created=2025-05-01..2025-05-01`), and an explicit id list
 * (`sessions.html?ids=…`) when it cannot (an issue label, "other" users, a partial first day).
 */
import { emptyFilters, resolveDateRange, type SessionFilters } from '../filters/model';
import { filtersToSearchParams } from '../filters/url';
import { dayNumberStart } from './days';
import {
  type Bucket,
  ERROR_STATUS,
  FLAG_ANALYSIS,
  FLAG_ERROR,
  FLAG_HAS_PR,
  FLAG_ISSUES,
  FLAG_MERGED_PR,
  FLAG_SUGGESTED_PROMPT,
  type GroupBy,
  type Insights,
  MERGED_STATE,
} from './types';

const SESSIONS_PAGE = 'sessions.html';

export interface Selection {
  /** Sessions created on this day (position on `days`). */
  day?: number;
  /** Sessions of one organization, user or status (its code). */
  group?: { by: GroupBy; code: number };
  /** Sessions of one series of a stacked chart (a named group, or "other"). */
  series?: { by: GroupBy; index: number };
  /** Sessions with every one of these flags (FLAG_*). */
  flags?: number;
  /** Sessions with at least one PR in this (lower-case) state. */
  prState?: string;
  /** Sessions of a bucket (an issue label, an impact, a PR host, ...). */
  bucket?: Bucket;
}

/** Positions of the selected sessions, ascending. */
function selectIndices(insights: Insights, selection: Selection): number[] {
  const { columns } = insights;
  const { day, group, series, flags, prState, bucket } = selection;
  const groupColumn = group ? columns[group.by] : null;
  const seriesColumn = series ? columns[series.by] : null;
  const seriesOfCode = series ? insights.stacks[series.by].seriesOfCode : null;
  const stateMembers = prState === undefined ? null : stateBucket(insights, prState).members;
  // With both a bucket and a PR state, the state is checked through a mask.
  let stateMask: Uint8Array | null = null;
  if (bucket && stateMembers) {
    stateMask = new Uint8Array(insights.count);
    for (const i of stateMembers) stateMask[i] = 1;
  }
  const candidates = bucket?.members ?? stateMembers;
  const result: number[] = [];
  const test = (i: number) => {
    if (day !== undefined && columns.day[i] !== day) return;
    if (group && groupColumn && groupColumn[i] !== group.code) return;
    if (series && seriesColumn && seriesOfCode) {
      if (seriesOfCode[seriesColumn[i] ?? 0] !== series.index) return;
    }
    if (flags !== undefined && ((columns.flags[i] ?? 0) & flags) !== flags) return;
    if (stateMask && stateMask[i] !== 1) return;
    result.push(i);
  };
  if (candidates) for (const i of candidates) test(i);
  else for (let i = 0; i < insights.count; i++) test(i);
  return result;
}

export function selectIds(insights: Insights, selection: Selection): string[] {
  return selectIndices(insights, selection).map((i) => insights.ids[i] ?? '');
}

function stateBucket(insights: Insights, state: string): Bucket {
  return (
    insights.prStates.find((bucket) => bucket.key === state) ?? {
      key: state,
      sessions: 0,
      occurrences: 0,
      members: new Int32Array(0),
    }
  );
}

function groupKey(insights: Insights, by: GroupBy, code: number): string | null {
  const key = insights.dictionaries[by][code];
  return key === undefined ? null : key;
}

/** Restricts a list of values to one, when that stays the same set of sessions. */
function narrowTo(current: readonly string[], value: string): string[] | null {
  if (current.length === 0 || current.includes(value)) return [value];
  return null;
}

/**
 * The page's filters narrowed to the selection, or null when the filter model cannot express
 * the selection exactly.
 */
export function selectionFilters(
  insights: Insights,
  filters: SessionFilters,
  selection: Selection,
): SessionFilters | null {
  if (selection.bucket) return null;
  const next: SessionFilters = structuredClone(filters);

  if (selection.day !== undefined) {
    const number = insights.days.numbers[selection.day];
    const label = insights.days.labels[selection.day];
    if (number === undefined || label === undefined) return null;
    // The day replaces the created window only where it lies wholly inside it.
    const window = resolveDateRange(filters.created, insights.now);
    const start = dayNumberStart(number);
    const end = dayNumberStart(number + 1);
    if (window.from !== null && window.from > start) return null;
    if (window.to !== null && window.to < end) return null;
    next.created = { preset: null, from: label, to: label };
  }

  const narrowGroup = (by: GroupBy, key: string | null): boolean => {
    if (key === null) return false;
    const field = by === 'org' ? 'orgIds' : by === 'user' ? 'userIds' : 'statuses';
    const values = narrowTo(next[field], key);
    if (values === null) return false;
    next[field] = values;
    return true;
  };
  if (selection.group) {
    const { by, code } = selection.group;
    if (!narrowGroup(by, groupKey(insights, by, code))) return null;
  }
  if (selection.series) {
    const { by, index } = selection.series;
    const series = insights.stacks[by].series[index];
    if (!series || series.other) return null;
    if (!narrowGroup(by, groupKey(insights, by, series.code))) return null;
  }

  const flags = selection.flags ?? 0;
  if (flags & FLAG_SUGGESTED_PROMPT) return null;
  if (flags & FLAG_ERROR) {
    const statuses = narrowTo(next.statuses, ERROR_STATUS);
    if (statuses === null) return null;
    next.statuses = statuses;
  }
  if (flags & (FLAG_HAS_PR | FLAG_MERGED_PR)) {
    if (next.hasPr === 'no') return null;
    next.hasPr = 'yes';
  }
  const states = new Set<string>();
  if (flags & FLAG_MERGED_PR) states.add(MERGED_STATE);
  if (selection.prState !== undefined) states.add(selection.prState);
  if (states.size > 1) return null;
  for (const state of states) {
    const prStates = narrowTo(next.prStates, state);
    if (prStates === null) return null;
    next.prStates = prStates;
    if (next.hasPr === 'no') return null;
  }
  if (flags & FLAG_ISSUES) {
    if (next.analysis === 'none') return null;
    next.analysis = 'has-issues';
  } else if (flags & FLAG_ANALYSIS) {
    if (next.analysis === 'none') return null;
    if (next.analysis === 'any') next.analysis = 'has';
  }
  return next;
}

/**
 * The list URL (relative to the extension's pages) that shows exactly the selected sessions, or
 * null when there are none (an empty `ids=` would mean "no restriction").
 */
export function selectionUrl(
  insights: Insights,
  filters: SessionFilters,
  selection: Selection,
): string | null {
  const ids = selectIds(insights, selection);
  if (ids.length === 0) return null;
  const narrowed = selectionFilters(insights, filters, selection);
  if (narrowed) return `${SESSIONS_PAGE}?${filtersToSearchParams(narrowed)}`;
  return idsUrl(ids, filters);
}

/** `sessions.html?ids=a,b,c`, keeping the page's sort order. */
export function idsUrl(ids: readonly string[], filters?: SessionFilters): string {
  const only = { ...emptyFilters(), sessionIds: [...ids] };
  if (filters) only.sort = { ...filters.sort };
  // Ids are hex and dashes: the comma list stays readable rather than percent-encoded.
  return `${SESSIONS_PAGE}?${filtersToSearchParams(only).toString().replaceAll('%2C', ',')}`;
}

/** The list URL of the whole set the page shows (its filters as they are). */
export function filtersUrl(filters: SessionFilters): string {
  return `${SESSIONS_PAGE}?${filtersToSearchParams(filters)}`;
}
