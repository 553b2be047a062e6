/** The table of one grouping of the Insights page: organizations, users or statuses. */
import { formatCount } from '../format';
import { t } from '../i18n';
import { GROUP_NOUNS, GROUP_TABLES, groupName, type Names } from './display-names';
import type { Selection } from './select';
import type { TableModel } from './tables';
import { FLAG_ERROR, FLAG_HAS_PR, FLAG_MERGED_PR, type GroupBy, type Insights } from './types';

export function groupTable(insights: Insights, by: GroupBy, names: Names): TableModel {
  // Per status, the error rate says nothing new: shown only in the CSV.
  const perStatus = by === 'status';
  return {
    id: GROUP_TABLES[by].id,
    title: GROUP_TABLES[by].title(),
    columns: [
      { label: GROUP_NOUNS[by](), format: 'text' },
      { label: t('insights.tables.id'), format: 'text', csvOnly: true },
      { label: t('insights.tables.sessions'), format: 'count' },
      { label: t('insights.tables.acus'), format: 'acus' },
      {
        label: t('insights.tables.medianAcus'),
        format: 'acus',
        short: t('insights.tables.median'),
      },
      { label: t('insights.tables.errorRate'), format: 'percent', csvOnly: perStatus },
      { label: t('insights.tables.errors'), format: 'count', csvOnly: true },
      { label: t('insights.tables.prsOpened'), format: 'count', short: t('insights.tables.prs') },
      {
        label: t('insights.tables.prsMerged'),
        format: 'count',
        short: t('insights.tables.merged'),
      },
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
            title: t('insights.tables.errorsIn', group.sessions, [
              formatCount(group.sessions),
              formatCount(group.errors),
            ]),
          },
          { value: group.errors, select: errors },
          {
            value: group.prsOpened,
            select: { ...base, flags: FLAG_HAS_PR },
            title: t('insights.tables.prsIn', group.sessionsWithPr, [
              formatCount(group.sessionsWithPr),
              formatCount(group.prsOpened),
            ]),
          },
          {
            value: group.prsMerged,
            select: { ...base, flags: FLAG_MERGED_PR },
            title: t('insights.tables.mergedPrsIn', group.sessionsWithMergedPr, [
              formatCount(group.sessionsWithMergedPr),
              formatCount(group.prsMerged),
            ]),
          },
        ],
      };
    }),
  };
}
