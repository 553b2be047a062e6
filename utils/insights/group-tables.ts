/** The table of one grouping of the Insights page: organizations, users or statuses. */
import { GROUP_NOUNS, GROUP_TITLES, groupName, type Names, sessionsTitle } from './display-names';
import type { Selection } from './select';
import type { TableModel } from './tables';
import { FLAG_ERROR, FLAG_HAS_PR, FLAG_MERGED_PR, type GroupBy, type Insights } from './types';

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
