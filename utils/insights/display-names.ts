/**
 * How the Insights tables and charts name what they show: groups, statuses, git providers, raw
 * values, and the "3 sessions" of a tooltip. Apart from the table builders so that the filter bar
 * and the charts use the very same words without depending on any table.
 */

import { formatCount } from '../format';
import { t } from '../i18n';
import { statusWord } from '../status-words';
import type { GroupBy, PrProvider, StackSeries } from './types';

/** Display names; unknown ids show as themselves. */
export interface Names {
  org(id: string): string;
  user(id: string | null): string;
}

/** The table of each grouping: its title, and its id (stable: used in URLs, CSV names, tests). */
export const GROUP_TABLES: Record<GroupBy, { id: string; title: () => string }> = {
  org: { id: 'organizations', title: () => t('insights.tables.organizations') },
  user: { id: 'users', title: () => t('insights.tables.users') },
  status: { id: 'statuses', title: () => t('insights.tables.statuses') },
};

/** One organization, user or status: the first column's heading. */
export const GROUP_NOUNS: Record<GroupBy, () => string> = {
  org: () => t('insights.tables.organization'),
  user: () => t('insights.tables.user'),
  status: () => t('insights.tables.status'),
};

/** Git providers: product names stay as they are; only "Other" is translated. */
export function providerLabel(provider: PrProvider): string {
  return provider === 'other' ? t('insights.tables.other') : PROVIDER_NAMES[provider];
}

const PROVIDER_NAMES: Record<Exclude<PrProvider, 'other'>, string> = {
  github: 'GitHub',
  gitlab: 'GitLab',
  'bitbucket-cloud': 'Bitbucket Cloud',
  'bitbucket-server': 'Bitbucket Server',
  'azure-devops': 'Azure DevOps',
};

/** `flaky_tests` -> `Flaky tests`: raw API values have no translation, so they are made readable. */
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
  return series.other ? t('insights.tables.other') : groupName(by, series.key, names);
}

/** `1 session`, `3 sessions`: what a number in a tooltip counts. */
export function sessionsTitle(count: number): string {
  return t('insights.tables.sessionCount', count, [formatCount(count)]);
}
