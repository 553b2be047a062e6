/** The table of the costliest sessions of the Insights page, each linking to its session. */
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
          { value: statusWord(session.status) },
          { value: session.created_at },
        ],
      };
    }),
  };
}
