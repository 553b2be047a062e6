/** The table of the costliest sessions of the Insights page, each linking to its session. */
import { t } from '../i18n';
import { statusWord } from '../status-words';
import type { Names } from './display-names';
import type { TableModel } from './tables';
import type { Bucket, Insights } from './types';

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
    title: t('insights.tables.costliest'),
    columns: [
      { label: t('insights.tables.session'), format: 'text' },
      { label: t('insights.tables.sessionId'), format: 'text', csvOnly: true },
      { label: t('insights.tables.acus'), format: 'acus' },
      { label: t('insights.tables.organization'), format: 'text' },
      { label: t('insights.tables.user'), format: 'text' },
      { label: t('insights.tables.status'), format: 'text', csvOnly: true },
      { label: t('insights.tables.created'), format: 'date' },
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
          { value: statusWord(session.status) },
          { value: session.created_at },
        ],
      };
    }),
  };
}
