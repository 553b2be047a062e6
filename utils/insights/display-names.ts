/**
 * How the Insights tables and charts name what they show: groups, statuses, git providers, raw
 * values, and the "3 sessions" of a tooltip. Apart from the table builders so that the filter bar
 * and the charts use the very same words without depending on any table.
 */

import { statusWord } from '../status-words';
import type { GroupBy, PrProvider, StackSeries } from './types';

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

export const PROVIDER_LABELS: Record<PrProvider, string> = {
  github: 'GitHub',
  gitlab: 'GitLab',
  'bitbucket-cloud': 'Bitbucket Cloud',
  'bitbucket-server': 'Bitbucket Server',
  'azure-devops': 'Azure DevOps',
  other: 'Other',
};

/** `flaky_tests` -> `Flaky tests`. */
export function humanize(value: string): string {
  const text = value.replaceAll('_', ' ').trim();
  return text ? text[0]?.toUpperCase() + text.slice(1) : value;
}

/** The display name of a group key. */
export function groupName(by: GroupBy, key: string | null, names: Names): string {
  if (by === 'org') return names.org(key ?? '');
  if (by === 'user') return names.user(key);
  return statusWord(key ?? '');
}

/** The display name of a stack series. */
export function seriesName(by: GroupBy, series: StackSeries, names: Names): string {
  return series.other ? 'Other' : groupName(by, series.key, names);
}

/** `1 session`, `3 sessions`: what a number in a tooltip counts. */
export function sessionsTitle(count: number): string {
  return `${count} ${count === 1 ? 'session' : 'sessions'}`;
}
