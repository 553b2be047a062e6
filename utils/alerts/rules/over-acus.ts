/** A running session that has used N ACUs or more: still spending, so still worth a look. */
import type { SessionRow } from '../../db/types';
import { t } from '../../i18n';
import type { AlertCandidate } from '../types';
import { formatAcus, type RuleContext, sessionCandidate, sessionName } from './context';

export function overAcusAlerts(
  rows: readonly SessionRow[],
  context: RuleContext,
): AlertCandidate[] {
  const limit = context.thresholds.sessionAcus;
  if (limit === null) return [];
  return rows
    .filter((row) => row.status === 'running' && row.acus_consumed >= limit)
    .map((row) =>
      sessionCandidate(
        'over_acus',
        row,
        t('alerts.overAcus.title', [formatAcus(limit), sessionName(row)]),
        t('alerts.overAcus.detail', [formatAcus(row.acus_consumed)]),
      ),
    );
}
