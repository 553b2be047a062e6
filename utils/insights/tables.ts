/**
 * The numbers of the Insights page as tables: one model feeds the HTML tables, the CSV files
 * and the chart's table view, so what is shown, downloaded and clicked always agree. A cell that
 * counts sessions carries the selection of exactly those sessions.
 */
import type { Selection } from './select';
import {
  type Bucket,
  FLAG_ERROR,
  FLAG_HAS_PR,
  FLAG_MERGED_PR,
  type GroupBy,
  type Insights,
  LABEL_IMPACT_SEPARATOR,
  MERGED_STATE,
  type PrProvider,
  type StackSeries,
  UNKNOWN_STATE,
} from './types';

export type CellFormat = 'text' | 'count' | 'acus' | 'percent' | 'day' | 'date' | 'datetime';

interface Column {
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

/** Display names; unknown ids show as themselves. */
export interface Names {
  org(id: string): string;
  user(id: string | null): string;
}

export const GROUP_TITLES: Record<GroupBy, string> = {
  org: 'Organizations',
  user: 'Users',
  status: 'Statuses',
};

/** One organization, user or status: column headings and the stack-by buttons. */
export const GROUP_NOUNS: Record<GroupBy, string> = {
  org: 'Organization',
  user: 'User',
  status: 'Status',
};

export const STATUS_LABELS: Record<string, string> = {
  new: 'New',
  claimed: 'Claimed',
  running: 'Running',
  exit: 'Finished',
  error: 'Error',
  suspended: 'Suspended',
  resuming: 'Resuming',
};

export function statusName(status: string): string {
  return STATUS_LABELS[status] ?? status;
}

const PROVIDER_LABELS: Record<PrProvider, string> = {
  github: 'GitHub',
  gitlab: 'GitLab',
  'bitbucket-cloud': 'Bitbucket Cloud',
  'bitbucket-server': 'Bitbucket Server',
  'azure-devops': 'Azure DevOps',
  other: 'Other',
};

/** `flaky_tests` -> `Flaky tests`. */
function humanize(value: string): string {
  const text = value.replaceAll('_', ' ').trim();
  return text ? text[0]?.toUpperCase() + text.slice(1) : value;
}

/** The display name of a group key. */
function groupName(by: GroupBy, key: string | null, names: Names): string {
  if (by === 'org') return names.org(key ?? '');
  if (by === 'user') return names.user(key);
  return statusName(key ?? '');
}

/** The display name of a stack series. */
export function seriesName(by: GroupBy, series: StackSeries, names: Names): string {
  return series.other ? 'Other' : groupName(by, series.key, names);
}

function sessionsTitle(count: number): string {
  return `${count} ${count === 1 ? 'session' : 'sessions'}`;
}

export function groupTable(insights: Insights, by: GroupBy, names: Names): TableModel {
  // Per status, the error rate says nothing new: shown only in the CSV.
  const perStatus = by === 'status';
  return {
    id: GROUP_TITLES[by].toLowerCase(),
    title: GROUP_TITLES[by],
    columns: [
      { label: GROUP_NOUNS[by], format: 'text' },
      { label: 'ID', format: 'text', csvOnly: true },
      { label: 'Sessions', format: 'count' },
      { label: 'ACUs', format: 'acus' },
      { label: 'Median ACUs', format: 'acus', short: 'Median' },
      { label: 'Error rate', format: 'percent', csvOnly: perStatus },
      { label: 'Errors', format: 'count', csvOnly: true },
      { label: 'PRs opened', format: 'count', short: 'PRs' },
      { label: 'PRs merged', format: 'count', short: 'Merged' },
    ],
    rows: insights.groups[by].map((group) => {
      const base: Selection = { group: { by, code: group.code } };
      const errors: Selection = { ...base, flags: FLAG_ERROR };
      return {
        key: String(group.key),
        cells: [
          { value: groupName(by, group.key, names), select: base },
          { value: group.key ?? '' },
          { value: group.sessions, select: base },
          { value: group.acus, select: base },
          { value: group.medianAcus },
          {
            value: group.errorRate,
            select: errors,
            title: `${group.errors} of ${sessionsTitle(group.sessions)} ended in error`,
          },
          { value: group.errors, select: errors },
          {
            value: group.prsOpened,
            select: { ...base, flags: FLAG_HAS_PR },
            title: `${group.prsOpened} PRs in ${sessionsTitle(group.sessionsWithPr)}`,
          },
          {
            value: group.prsMerged,
            select: { ...base, flags: FLAG_MERGED_PR },
            title: `${group.prsMerged} merged PRs in ${sessionsTitle(group.sessionsWithMergedPr)}`,
          },
        ],
      };
    }),
  };
}

/** The columns of a per-day table: the day, its sessions and its ACUs. */
function dayColumns(): Column[] {
  return [
    { label: 'Day', format: 'day' },
    { label: 'Sessions', format: 'count' },
    { label: 'ACUs', format: 'acus' },
  ];
}

/** The cells of `dayColumns` for one day, each selecting the day's sessions. */
function dayCells(insights: Insights, label: string, day: number): Cell[] {
  return [
    { value: label, select: { day } },
    { value: insights.days.sessions[day] ?? 0, select: { day } },
    { value: insights.days.acus[day] ?? 0, select: { day } },
  ];
}

/** Sessions and ACUs per day. */
export function sessionsPerDayTable(insights: Insights): TableModel {
  return {
    id: 'sessions-per-day',
    title: 'Sessions per day',
    columns: dayColumns(),
    rows: insights.days.labels.map((label, day) => ({
      key: label,
      cells: dayCells(insights, label, day),
    })),
  };
}

/** Sessions and ACUs per day, with the ACUs of each series of the stack `by`. */
export function dailyTable(insights: Insights, by: GroupBy, names: Names): TableModel {
  const stack = insights.stacks[by];
  return {
    id: `daily-by-${by}`,
    title: 'Per day',
    columns: [
      ...dayColumns(),
      ...stack.series.map(
        (series): Column => ({
          label: `ACUs: ${seriesName(by, series, names)}`,
          format: 'acus',
        }),
      ),
    ],
    rows: insights.days.labels.map((label, day) => ({
      key: label,
      cells: [
        ...dayCells(insights, label, day),
        ...stack.series.map(
          (_, index): Cell => ({
            value: stack.acus[index]?.[day] ?? 0,
            select: { day, series: { by, index } },
            title: sessionsTitle(stack.sessions[index]?.[day] ?? 0),
          }),
        ),
      ],
    })),
  };
}

/** A bucket of one session, for a link to it. */
function single(insights: Insights, index: number): Bucket {
  return {
    key: insights.ids[index] ?? '',
    sessions: 1,
    occurrences: 1,
    members: Int32Array.of(index),
  };
}

export function costliestTable(insights: Insights, names: Names): TableModel {
  return {
    id: 'costliest-sessions',
    title: 'Costliest sessions',
    columns: [
      { label: 'Session', format: 'text' },
      { label: 'Session ID', format: 'text', csvOnly: true },
      { label: 'ACUs', format: 'acus' },
      { label: 'Organization', format: 'text' },
      { label: 'User', format: 'text' },
      { label: 'Status', format: 'text', csvOnly: true },
      { label: 'Created', format: 'date' },
    ],
    rows: insights.costliest.map((session) => {
      const id = encodeURIComponent(session.session_id);
      return {
        key: session.session_id,
        cells: [
          {
            value: session.title,
            href: `sessions.html?ids=${id}&session=${id}`,
            title: session.title,
          },
          { value: session.session_id },
          { value: session.acus, select: { bucket: single(insights, session.index) } },
          { value: names.org(session.org_id) },
          { value: names.user(session.user_id) },
          { value: statusName(session.status) },
          { value: session.created_at },
        ],
      };
    }),
  };
}

/** Impacts in their natural order (high, medium, low), any other after them by frequency. */
function orderedImpacts(insights: Insights): string[] {
  const rank = (impact: string) => {
    const index = ['critical', 'high', 'medium', 'low'].indexOf(impact.toLowerCase());
    return index < 0 ? 99 : index;
  };
  return insights.impacts
    .map((bucket, order) => ({ key: bucket.key, rank: rank(bucket.key), order }))
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .map((entry) => entry.key);
}

export function labelsTable(insights: Insights): TableModel {
  const impacts = orderedImpacts(insights);
  const pairs = new Map(insights.labelImpacts.map((bucket) => [bucket.key, bucket]));
  return {
    id: 'issue-labels',
    title: 'Issue labels',
    columns: [
      { label: 'Label', format: 'text' },
      { label: 'Sessions', format: 'count' },
      { label: 'Issues', format: 'count' },
      ...impacts.map((impact): Column => ({ label: humanize(impact), format: 'count' })),
    ],
    rows: insights.labels.map((label) => ({
      key: label.key,
      cells: [
        { value: humanize(label.key), select: { bucket: label }, title: label.key },
        { value: label.sessions, select: { bucket: label } },
        { value: label.occurrences },
        ...impacts.map((impact): Cell => {
          const pair = pairs.get(`${label.key}${LABEL_IMPACT_SEPARATOR}${impact}`);
          return pair
            ? {
                value: pair.sessions,
                select: { bucket: pair },
                title: `${sessionsTitle(pair.sessions)} with a ${impact}-impact ${label.key} issue`,
              }
            : { value: 0 };
        }),
      ],
    })),
  };
}

function bucketTable(
  id: string,
  title: string,
  noun: string,
  occurrences: string,
  buckets: Bucket[],
): TableModel {
  return {
    id,
    title,
    columns: [
      { label: noun, format: 'text' },
      { label: 'Sessions', format: 'count' },
      { label: occurrences, format: 'count' },
    ],
    rows: buckets.map((bucket) => ({
      key: bucket.key,
      cells: [
        { value: humanize(bucket.key), select: { bucket }, title: bucket.key },
        { value: bucket.sessions, select: { bucket } },
        { value: bucket.occurrences },
      ],
    })),
  };
}

export function impactsTable(insights: Insights): TableModel {
  const order = orderedImpacts(insights);
  const buckets = [...insights.impacts].sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  return bucketTable('issue-impacts', 'Issue impacts', 'Impact', 'Issues', buckets);
}

export function actionTypesTable(insights: Insights): TableModel {
  return bucketTable(
    'action-item-types',
    'Action item types',
    'Type',
    'Action items',
    insights.actionTypes,
  );
}

/** PR states in a natural order: open, merged, closed, then any other, unknown last. */
function orderedStates(insights: Insights): string[] {
  const known = ['open', MERGED_STATE, 'closed'];
  const keys = insights.prStates.map((bucket) => bucket.key);
  const others = keys.filter((key) => !known.includes(key) && key !== UNKNOWN_STATE);
  return [
    ...known.filter((key) => keys.includes(key)),
    ...others,
    ...(keys.includes(UNKNOWN_STATE) ? [UNKNOWN_STATE] : []),
  ];
}

export function prTable(insights: Insights): TableModel {
  const states = orderedStates(insights);
  const prCell = (bucket: Bucket | undefined, select: Selection | undefined): Cell =>
    bucket && bucket.occurrences > 0
      ? {
          value: bucket.occurrences,
          select,
          title: `${bucket.occurrences} PRs in ${sessionsTitle(bucket.sessions)}`,
        }
      : { value: 0 };
  const allStates = new Map(insights.prStates.map((bucket) => [bucket.key, bucket]));
  const totalPrs = insights.totals.prsOpened;
  return {
    id: 'pull-requests',
    title: 'Pull requests by host',
    columns: [
      { label: 'Host', format: 'text' },
      { label: 'Provider', format: 'text' },
      { label: 'Opened', format: 'count' },
      ...states.map((state): Column => ({ label: humanize(state), format: 'count' })),
      { label: 'Merged share', format: 'percent' },
    ],
    rows: [
      ...insights.prHosts.map((host) => {
        const byState = new Map(host.states.map((bucket) => [bucket.key, bucket]));
        const merged = byState.get(MERGED_STATE)?.occurrences ?? 0;
        return {
          key: host.key,
          cells: [
            { value: host.host, select: { bucket: host.all } },
            { value: PROVIDER_LABELS[host.provider] },
            prCell(host.all, { bucket: host.all }),
            ...states.map((state) => {
              const bucket = byState.get(state);
              return prCell(bucket, bucket ? { bucket } : undefined);
            }),
            { value: host.all.occurrences > 0 ? merged / host.all.occurrences : 0 },
          ],
        };
      }),
      {
        key: 'all',
        cells: [
          { value: 'All hosts', select: { flags: FLAG_HAS_PR } },
          { value: '' },
          {
            value: totalPrs,
            select: { flags: FLAG_HAS_PR },
            title: `${totalPrs} PRs in ${sessionsTitle(insights.totals.sessionsWithPr)}`,
          },
          ...states.map((state) => prCell(allStates.get(state), { prState: state })),
          { value: totalPrs > 0 ? insights.totals.prsMerged / totalPrs : 0 },
        ],
      },
    ],
  };
}
