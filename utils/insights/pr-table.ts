/** The pull request table of the Insights page: PRs per git host and state, then all hosts. */
import { formatCount } from '../format';
import { t } from '../i18n';
import { humanize, providerLabel } from './display-names';
import type { Selection } from './select';
import type { Cell, Column, TableModel } from './tables';
import { type Bucket, FLAG_HAS_PR, type Insights, MERGED_STATE, UNKNOWN_STATE } from './types';

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

/** `5 PRs in 3 sessions`: what a PR count's tooltip says. */
function prsIn(sessions: number, prs: number): string {
  return t('insights.tables.prsIn', sessions, [formatCount(sessions), formatCount(prs)]);
}

export function prTable(insights: Insights): TableModel {
  const states = orderedStates(insights);
  const prCell = (bucket: Bucket | undefined, select: Selection | undefined): Cell =>
    bucket && bucket.occurrences > 0
      ? {
          value: bucket.occurrences,
          select,
          title: prsIn(bucket.sessions, bucket.occurrences),
        }
      : { value: 0 };
  const allStates = new Map(insights.prStates.map((bucket) => [bucket.key, bucket]));
  const totalPrs = insights.totals.prsOpened;
  return {
    id: 'pull-requests',
    title: t('insights.tables.pullRequests'),
    columns: [
      { label: t('insights.tables.host'), format: 'text' },
      { label: t('insights.tables.provider'), format: 'text' },
      { label: t('insights.tables.opened'), format: 'count' },
      ...states.map((state): Column => ({ label: humanize(state), format: 'count' })),
      { label: t('insights.tables.mergedShare'), format: 'percent' },
    ],
    rows: [
      ...insights.prHosts.map((host) => {
        const byState = new Map(host.states.map((bucket) => [bucket.key, bucket]));
        const merged = byState.get(MERGED_STATE)?.occurrences ?? 0;
        return {
          key: host.key,
          cells: [
            { value: host.host, select: { bucket: host.all } },
            { value: providerLabel(host.provider) },
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
          { value: t('insights.tables.allHosts'), select: { flags: FLAG_HAS_PR } },
          { value: '' },
          {
            value: totalPrs,
            select: { flags: FLAG_HAS_PR },
            title: prsIn(insights.totals.sessionsWithPr, totalPrs),
          },
          ...states.map((state) => prCell(allStates.get(state), { prState: state })),
          { value: totalPrs > 0 ? insights.totals.prsMerged / totalPrs : 0 },
        ],
      },
    ],
  };
}
